/*
 * complexity.c -- per-provision and per-regulation complexity measures
 * (complexity.h; formulas in README "Complexity (`begrip complexity`)").
 *
 * One pass over the document tree in pre-order.  Every text block is
 * tokenised once by a byte-level tokeniser (below) that folds case and
 * Latin-1 diacritics, counts sentence ends, and hashes each word; phrase
 * matching, stop words, number words and n-grams all work on those 64-bit
 * word hashes, and what depends on a word alone (syllables, lexicon
 * flags, stem) is worked out once per distinct word a thread sees.  This is deliberately not the ICU word breaker
 * of norm.c: complexity must run over the whole corpus in about the time
 * it takes to parse it, and the byte tokeniser is simple enough to be
 * re-implemented independently (tests/complexity-crosscheck.py).  norm.c
 * is used for stemming (Snowball Dutch), once per distinct word a thread
 * sees (the words table below also holds what the lexicon says of it).
 *
 * Words: maximal runs of word characters -- ASCII letters and digits, the
 * letters U+00C0..U+00FF (except U+00D7, U+00F7) folded to ASCII, and
 * U+0100..U+023F kept as written.  Everything else separates words.
 *
 * Scratch memory (token arrays, hash tables, the stemmer) is per thread:
 * a thread-local pointer, registered with the rules object so that
 * bg_cx_rules_free() releases the scratch of every worker thread.
 */
#include "complexity.h"
#include "norm.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* ----------------------------------------------------------- hashing */

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ? h : 1; /* 0 marks an empty slot */
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

/* The lexicon's words: hash -> what the word is (one lookup per token). */
enum { F_STOP = 1, F_NUMBER = 2, F_FIRST = 4, F_ABBREV = 8 };

typedef struct wmap {
	uint64_t *h;
	uint8_t *f;
	size_t cap, n;
} wmap;

static unsigned wmap_get(const wmap *m, uint64_t h)
{
	if (!m->cap)
		return 0;
	for (size_t i = mix(h) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->h[i] == h)
			return m->f[i];
		if (!m->h[i])
			return 0;
	}
}

static bool wmap_set(wmap *m, uint64_t h, unsigned flag)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 256;
		uint64_t *nh = calloc(nc, sizeof *nh);
		uint8_t *nf = calloc(nc, 1);
		if (!nh || !nf) {
			free(nh);
			free(nf);
			return false;
		}
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->h[i])
				continue;
			size_t j = mix(m->h[i]) & (nc - 1);
			while (nh[j])
				j = (j + 1) & (nc - 1);
			nh[j] = m->h[i];
			nf[j] = m->f[i];
		}
		free(m->h);
		free(m->f);
		m->h = nh;
		m->f = nf;
		m->cap = nc;
	}
	for (size_t i = mix(h) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->h[i] == h) {
			m->f[i] |= (uint8_t)flag;
			return true;
		}
		if (!m->h[i]) {
			m->h[i] = h;
			m->f[i] = (uint8_t)flag;
			m->n++;
			return true;
		}
	}
}

/* ------------------------------------------------------------- rules */

enum { CAT_COND = 0, CAT_EXC, CAT_DEL, CAT__N };
#define MAX_PHRASE 12

typedef struct phrase {
	uint64_t w[MAX_PHRASE];
	unsigned nw;
	unsigned cat;
} phrase;

enum { W_COND, W_EXC, W_AND, W_OR, W_DEPTH, W_DEL, W_REF, W__N };
static const char *const weight_names[W__N] = {
	"condition", "exception", "item_and", "item_or", "depth",
	"delegation", "reference",
};

struct scratch;

struct bg_cx_rules {
	phrase *ph;          /* sorted: first word, then longest first */
	size_t nph;
	wmap words;          /* stop words, numbers, abbreviations, first words */
	char **morph;        /* number morphemes, for compounds */
	size_t *morph_len;
	size_t nmorph;
	bool morph_first[256]; /* first bytes of morphemes */
	bool morph2[26][26];   /* first two letters of morphemes (a-z) */
	double w[W__N];
	unsigned long_words;
	unsigned ngram;
	uint64_t id;         /* identifies this object to thread scratch */
	pthread_mutex_t lock;
	struct scratch *scratches; /* every thread's scratch, for freeing */
};

static uint64_t rules_ids;

static int phrase_cmp(const void *a, const void *b)
{
	const phrase *x = a, *y = b;

	if (x->w[0] != y->w[0])
		return x->w[0] < y->w[0] ? -1 : 1;
	return (int)y->nw - (int)x->nw;
}

const char *bg_cx_default_path(void)
{
	const char *e = getenv("BEGRIP_COMPLEXITY_LEXICON");
	return e && *e ? e : "lexicon/complexity.txt";
}

unsigned bg_cx_long_words(const bg_cx_rules *r)
{
	return r->long_words;
}

/* Splits a phrase into word hashes with the tokeniser's own folding, so
 * that lexicon and text agree by construction. */
static size_t fold_words(const char *s, size_t n, uint64_t *out, size_t max);

static char *dup_range(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static bg_status parse_stop(bg_cx_rules *r, const char *s, size_t len)
{
	const char *end = s + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		uint64_t h[2];
		if (e > s && *s != '#' && fold_words(s, (size_t)(e - s), h, 2) == 1)
			if (!wmap_set(&r->words, h[0], F_STOP))
				return BG_ERR_NOMEM;
		s = nl ? nl + 1 : end;
	}
	return BG_OK;
}

bg_status bg_cx_rules_parse(const char *text, size_t len, const char *stop,
			    size_t stop_len, bg_cx_rules **out, bg_diag *d)
{
	static const char *const sections[] = {
		"condition", "exception", "delegation", "abbreviation",
		"number", "weight", "setting",
	};
	bg_cx_rules *r = calloc(1, sizeof *r);
	const char *s = text, *end = text + len;
	int sec = -1;
	unsigned line = 0;
	size_t alloc = 0;
	bg_status st = BG_OK;

	*out = NULL;
	if (!r)
		return BG_ERR_NOMEM;
	pthread_mutex_init(&r->lock, NULL);
	r->id = __atomic_add_fetch(&rules_ids, 1, __ATOMIC_RELAXED);
	r->w[W_COND] = r->w[W_EXC] = r->w[W_AND] = r->w[W_OR] = r->w[W_DEPTH] = 1;
	r->w[W_DEL] = 0.5;
	r->w[W_REF] = 0.25;
	r->long_words = 250;
	r->ngram = 8;
	while (s < end && st == BG_OK) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *b = s;
		line++;
		s = nl ? nl + 1 : end;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (b == e || *b == '#')
			continue;
		if (*b == '[') {
			sec = -2;
			for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
				if ((size_t)(e - b) == strlen(sections[i]) + 2 && e[-1] == ']' &&
				    !memcmp(b + 1, sections[i], strlen(sections[i])))
					sec = (int)i;
			if (sec == -2) {
				bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
					    "unknown section %.*s", (int)(e - b), b);
				st = BG_ERR_FORMAT;
			}
			continue;
		}
		if (sec < 0) {
			bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
				    "entry outside a section");
			st = BG_ERR_FORMAT;
			break;
		}
		if (sec <= CAT_DEL) {
			phrase p = { .cat = (unsigned)sec };
			p.nw = (unsigned)fold_words(b, (size_t)(e - b), p.w, MAX_PHRASE + 1);
			if (p.nw == 0 || p.nw > MAX_PHRASE) {
				bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
					    "a phrase has 1 to %d words", MAX_PHRASE);
				st = BG_ERR_FORMAT;
				break;
			}
			if (r->nph == alloc) {
				size_t na = alloc ? alloc * 2 : 64;
				phrase *v = realloc(r->ph, na * sizeof *v);
				if (!v) {
					st = BG_ERR_NOMEM;
					break;
				}
				r->ph = v;
				alloc = na;
			}
			r->ph[r->nph++] = p;
			if (!wmap_set(&r->words, p.w[0], F_FIRST))
				st = BG_ERR_NOMEM;
		} else if (sec == 3 || sec == 4) {
			uint64_t h[2];
			if (fold_words(b, (size_t)(e - b), h, 2) != 1) {
				bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
					    "one word per line expected");
				st = BG_ERR_FORMAT;
				break;
			}
			if (!wmap_set(&r->words, h[0], sec == 3 ? F_ABBREV : F_NUMBER))
				st = BG_ERR_NOMEM;
			if (sec == 4) {
				char **m = realloc(r->morph, (r->nmorph + 1) * sizeof *m);
				size_t *ml;
				if (m)
					r->morph = m;
				ml = realloc(r->morph_len, (r->nmorph + 1) * sizeof *ml);
				if (ml)
					r->morph_len = ml;
				if (!m || !ml || !(m[r->nmorph] = dup_range(b, (size_t)(e - b)))) {
					st = BG_ERR_NOMEM;
					break;
				}
				ml[r->nmorph] = (size_t)(e - b);
				r->morph_first[(unsigned char)*b] = true;
				if (e - b >= 2 && b[0] >= 'a' && b[0] <= 'z' && b[1] >= 'a' && b[1] <= 'z')
					r->morph2[b[0] - 'a'][b[1] - 'a'] = true;
				r->nmorph++;
			}
		} else {
			const char *sp = b;
			char name[32], *endp;
			double v;
			while (sp < e && *sp != ' ' && *sp != '\t')
				sp++;
			if ((size_t)(sp - b) >= sizeof name || sp == e) {
				bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
					    "\"name value\" expected");
				st = BG_ERR_FORMAT;
				break;
			}
			memcpy(name, b, (size_t)(sp - b));
			name[sp - b] = '\0';
			{
				char num[64];
				size_t nn = (size_t)(e - sp);
				if (nn >= sizeof num)
					nn = sizeof num - 1;
				memcpy(num, sp, nn);
				num[nn] = '\0';
				errno = 0;
				v = strtod(num, &endp);
				if (errno || endp == num || *endp || v < 0 || v > 1e6) {
					bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
						    "bad number for %s", name);
					st = BG_ERR_FORMAT;
					break;
				}
			}
			bool known = false;
			if (sec == 5) {
				for (int i = 0; i < W__N; i++)
					if (!strcmp(name, weight_names[i])) {
						r->w[i] = v;
						known = true;
					}
			} else if (!strcmp(name, "long_element_words")) {
				r->long_words = (unsigned)v;
				known = true;
			} else if (!strcmp(name, "ngram") && v >= 2 && v <= 32) {
				r->ngram = (unsigned)v;
				known = true;
			}
			if (!known) {
				bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1,
					    "unknown or out-of-range setting %s", name);
				st = BG_ERR_FORMAT;
				break;
			}
		}
	}
	if (st == BG_OK && stop)
		st = parse_stop(r, stop, stop_len);
	if (st == BG_OK && !r->nph) {
		bg_diag_set(d, BG_ERR_FORMAT, "complexity lexicon", line, 1, "no phrases");
		st = BG_ERR_FORMAT;
	}
	if (st != BG_OK) {
		if (st == BG_ERR_NOMEM)
			bg_diag_set(d, st, "complexity lexicon", line, 0, "out of memory");
		bg_cx_rules_free(r);
		return st;
	}
	qsort(r->ph, r->nph, sizeof *r->ph, phrase_cmp);
	*out = r;
	return BG_OK;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	bg_buf b = BG_BUF_INIT;
	char tmp[8192];
	size_t n;

	if (!fp)
		return NULL;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		bg_buf_add(&b, tmp, n);
	if (ferror(fp)) {
		fclose(fp);
		bg_buf_release(&b);
		return NULL;
	}
	fclose(fp);
	*len = b.len;
	return bg_buf_detach(&b);
}

bg_status bg_cx_rules_load(const char *path, const char *stopwords_path,
			   bg_cx_rules **out, bg_diag *d)
{
	size_t len = 0, slen = 0;
	char *text, *stop = NULL, *beside = NULL;
	bg_status st;

	*out = NULL;
	if (!stopwords_path) {
		/* the stop words live beside the phrase lists */
		const char *slash = strrchr(path, '/');
		bg_buf b = BG_BUF_INIT;
		if (slash)
			bg_buf_add(&b, path, (size_t)(slash - path + 1));
		bg_buf_adds(&b, "stopwords-nl.txt");
		if (!(stopwords_path = beside = bg_buf_detach(&b))) {
			bg_diag_set(d, BG_ERR_NOMEM, path, 0, 0, "out of memory");
			return BG_ERR_NOMEM;
		}
	}
	if (!(text = slurp(path, &len))) {
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "cannot read: %s", strerror(errno));
		return BG_ERR_IO;
	}
	if (stopwords_path && !(stop = slurp(stopwords_path, &slen))) {
		bg_diag_set(d, BG_ERR_IO, stopwords_path, 0, 0, "cannot read: %s", strerror(errno));
		free(text);
		free(beside);
		return BG_ERR_IO;
	}
	st = bg_cx_rules_parse(text, len, stop, slen, out, d);
	if (st != BG_OK && d->file && !strcmp(d->file, "complexity lexicon")) {
		free(d->file);
		d->file = strdup(path);
	}
	free(text);
	free(stop);
	free(beside);
	return st;
}

/* ------------------------------------------------------------ tokens */

/* Latin-1 letters U+00C0..U+00FF folded to ASCII; "" = not a letter.
 * A '*' prefix marks a diaeresis (starts a new syllable). */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "*a", "a", "ae", "c", "e", "e", "e", "*e", "i", "i", "i", "*i",
	"d", "n", "o", "o", "o", "o", "*o", "", "o", "u", "u", "u", "*u", "y", "th", "ss",
	"a", "a", "a", "a", "*a", "a", "ae", "c", "e", "e", "e", "*e", "i", "i", "i", "*i",
	"d", "n", "o", "o", "o", "o", "*o", "", "o", "u", "u", "u", "*u", "y", "th", "y",
};

typedef struct tok {
	uint64_t h;
	uint32_t off, len;   /* folded word in scratch->fold */
	uint32_t x;          /* its entry among the thread's words (block()) */
	uint16_t diaer;      /* syllables a diaeresis adds to the folded word's */
	bool dotted;         /* directly preceded by '.' (o.a., m.b.t.) */
	bool sample;         /* starts a sampled n-gram (V_SAMPLE; block()) */
} tok;

static inline bool ascii_word(unsigned char c)
{
	return (unsigned)(c - 'a') < 26 || (unsigned)(c - 'A') < 26 || (unsigned)(c - '0') < 10;
}

static inline bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/*
 * The tokeniser: the words of a text block into v[0..n) (folded into
 * *fold), its sentences into `sentences`; `failed` when out of memory.
 */
typedef struct tokenizer {
	bg_buf *fold;
	tok *v;
	size_t n, alloc;
	uint32_t sentences;
	const wmap *words;
	bool failed;
} tokenizer;

/* ASCII word characters folded to lower case (0: not a word character),
 * and the vowels among them. */
static unsigned char ascii_fold[256];
static bool ascii_vowel[256];
static pthread_once_t ascii_once = PTHREAD_ONCE_INIT;

static void ascii_init(void)
{
	for (unsigned c = 0; c < 256; c++) {
		if (ascii_word((unsigned char)c))
			ascii_fold[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		ascii_vowel[c] = is_vowel((char)c);
	}
}

/* Whether folded byte w[i] of a word starting at w[start] counts as a
 * vowel: a, e, i, o, u, y, and j after i ("ij"). */
static inline bool vowel_at(const char *w, size_t start, size_t i)
{
	return ascii_vowel[(unsigned char)w[i]] ||
	       (w[i] == 'j' && i > start && w[i - 1] == 'i');
}

/* Letters and syllables of a folded word: whether it has a letter (not
 * only digits), and its syllables, one per run of vowels. */
static unsigned word_shape(const char *w, size_t n, bool *letter)
{
	unsigned syl = 0;
	bool prev = false, let = false;

	for (size_t i = 0; i < n; i++) {
		bool v = vowel_at(w, 0, i);
		let |= (unsigned char)w[i] >= 'a';
		syl += v & !prev;
		prev = v;
	}
	*letter = let;
	return syl;
}

#define FNV_BASIS 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

/* A word ends: fold[off..len) with hash h (fnv() of those bytes, computed
 * on the way).  Whether it has letters and how many syllables depend on
 * the folded bytes alone, so they are worked out once per distinct word
 * (word_shape()); only what folding loses, the diaeresis, is counted here. */
static void tk_push(tokenizer *t, size_t off, size_t len, uint64_t h, unsigned diaer,
		    bool dotted)
{
	tok *k;

	if (t->n == t->alloc) {
		size_t na = t->alloc ? t->alloc * 2 : 256;
		tok *v = realloc(t->v, na * sizeof *v);
		if (!v) {
			t->failed = true;
			return;
		}
		t->v = v;
		t->alloc = na;
	}
	k = &t->v[t->n++];
	k->off = (uint32_t)off;
	k->len = (uint32_t)(len - off);
	k->h = h ? h : 1;
	k->diaer = (uint16_t)(diaer > 65535 ? 65535 : diaer);
	k->dotted = dotted;
}

/*
 * The folded bytes go to t->fold through a local length and hash: a store
 * through `char *` may alias anything, so with t->fold->len in memory the
 * compiler would reload it for every byte.
 */
static void tokenize(tokenizer *t, const char *s, size_t n)
{
	size_t i = 0, start = 0, since_end = 0, last_end = (size_t)-1, len = 0;
	bool in = false, dotted = false;
	unsigned diaer = 0;
	uint64_t h = FNV_BASIS;

	pthread_once(&ascii_once, ascii_init);
	t->n = 0;
	t->sentences = 0;
	/* room for the folded text: folding never makes it longer */
	bg_buf_clear(t->fold);
	if (t->fold->alloc <= n) {
		bg_buf_add(t->fold, s, n);
		if (!bg_buf_ok(t->fold)) {
			t->failed = true;
			return;
		}
		bg_buf_clear(t->fold);
	}
	char *out = t->fold->s;
	while (i <= n) {
		unsigned char c = i < n ? (unsigned char)s[i] : 0;
		const char *f = NULL;
		size_t clen = 1;
		bool mark = false;   /* a diaeresis */

		if (i < n && ascii_fold[c]) {
			/* fast path: a run of ASCII word characters */
			if (!in) {
				in = true;
				diaer = 0;
				start = len;
				h = FNV_BASIS;
				dotted = i > 0 && s[i - 1] == '.';
			}
			unsigned char ch;
			while ((ch = ascii_fold[c]) != 0) {
				out[len++] = (char)ch;
				h = (h ^ ch) * FNV_PRIME;
				if (++i == n)
					break;
				c = (unsigned char)s[i];
			}
			continue;
		}
		if (i == n) {
			f = NULL;
		} else if (c < 0x80) {
			f = NULL;   /* ASCII word characters took the fast path */
		} else if (c == 0xC3 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			f = latin1[(unsigned char)s[i + 1] - 0x80];
			clen = 2;
			if (*f == '*') {
				mark = true;
				f++;
			}
			if (!*f)
				f = NULL;
		} else if (c >= 0xC4 && c <= 0xC8 && i + 1 < n &&
			   ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			clen = 2;
			f = ""; /* kept as written, below */
		} else {
			/* other UTF-8: skip the whole sequence as a separator */
			clen = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			while (clen > 1 && (i + clen > n))
				clen--;
		}
		if (f) {
			if (!in) {
				in = true;
				diaer = 0;
				start = len;
				h = FNV_BASIS;
				dotted = i > 0 && s[i - 1] == '.';
			}
			if (!*f) {
				out[len++] = s[i]; /* U+0100..U+023F */
				out[len++] = s[i + 1];
				h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
				h = (h ^ (unsigned char)s[i + 1]) * FNV_PRIME;
			} else {
				/* a vowel with a diaeresis after a vowel starts a
				 * syllable that the folded word does not show */
				if (mark && len > start && vowel_at(out, start, len - 1))
					diaer++;
				for (const char *p = f; *p; p++) {
					out[len++] = *p;
					h = (h ^ (unsigned char)*p) * FNV_PRIME;
				}
			}
			i += clen;
			continue;
		}
		if (in) {
			tk_push(t, start, len, h, diaer, dotted);
			since_end++;
			in = false;
			last_end = i;
		}
		if (i == n)
			break;
		if ((c == '.' || c == '!' || c == '?') && since_end &&
		    (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\t')) {
			bool abbr = false;
			if (c == '.' && t->n && last_end == i) {
				const tok *k = &t->v[t->n - 1];
				/* no word table yet while the rules themselves are read */
				abbr = (t->words && (wmap_get(t->words, k->h) & F_ABBREV)) || k->dotted;
			}
			if (!abbr) {
				t->sentences++;
				since_end = 0;
			}
		}
		i += clen;
	}
	if (since_end)
		t->sentences++;
	t->fold->len = len;
	out[len] = '\0';
}

static size_t fold_words(const char *s, size_t n, uint64_t *out, size_t max)
{
	bg_buf fold = BG_BUF_INIT;
	tokenizer t = { .fold = &fold };
	size_t k;

	tokenize(&t, s, n);
	k = t.n;
	for (size_t i = 0; i < t.n && i < max; i++)
		out[i] = t.v[i].h;
	free(t.v);
	bg_buf_release(&fold);
	return k;
}

/* ----------------------------------------------------------- scratch */

/*
 * The words a thread has seen, kept across its documents: for each
 * distinct folded word (by hash) what the lexicon says of it, whether it
 * is a compound number, where its phrases start, and its stem -- all
 * decided once, when the word is first seen, instead of once per token
 * (lexicon, compounds) or once per document (stem).  Each entry also
 * counts the word in the current document: gen says which document the
 * count belongs to, so starting a document is one increment.  Stems are
 * interned the same way, for the stemmed entropy.
 *
 * A word's entry is its slot in the open-addressing table, holding all
 * a token needs, so a token costs one cache miss at most; when the table
 * grows, the document's list of words (first occurrences, in text order)
 * and the current block's tokens are moved along.  Stems have slots
 * holding the hash and a dense entry index.
 */
enum {
	V_COMPOUND = 16,     /* a number written as a compound word */
	V_COUNTED = 32,      /* letters, not a stop word: in the entropy */
	V_LETTER = 64,       /* has a letter (not only digits) */
	V_SAMPLE = 128       /* starts the n-grams of the duplicate sample */
};

typedef struct vword {    /* 32 bytes: two to a cache line */
	uint64_t h;          /* 0 = free slot */
	uint32_t meta;       /* document generation << 8 | F_* and V_* */
	uint32_t local;      /* its index among that document's words */
	uint32_t stem;       /* stem entry (V_COUNTED) */
	uint32_t phrase;     /* first phrase with this first word (F_FIRST) */
	uint16_t syl;        /* syllables of the folded word (word_shape()) */
} vword;

#define VGEN_MAX ((uint32_t)1 << 24)

typedef struct vstem {
	uint64_t h;
	uint32_t gen, local; /* index among document gen's stems */
} vstem;

/* Stems: slots hold the top half of the hash and entry index + 1 (0 =
 * free), the entries the whole hash: small slots, and a probe reads an
 * entry only where the halves agree. */
typedef struct vslot {
	uint32_t tag, i;
} vslot;

typedef struct vtable {
	vslot *slot;
	size_t cap, n;
} vtable;

typedef struct rec {
	const bg_node *node;
	bg_cx_kind kind;
	bool has_lid;
	const char *term;
	size_t term_len;
	bg_cx_counts c;
} rec;

/* Results that outlive the document: bump-allocated from 2 MB chunks
 * owned by the thread's scratch, mapped apart from the heap that the
 * reader reuses for every document.  The corpus run fills some 50 MB of
 * results and samples that are touched once; in 4 KB pages that is
 * ~12,000 page faults, a fifth of the run's time on a virtual machine.
 * So the chunks are 2 MB aligned and advised as huge pages: one fault
 * each where the kernel has transparent huge pages for madvise (and
 * plain pages, as before, where it has not).  A thread's first chunks are
 * small and from malloc, doubling up to that size: one document (begrip
 * check) should not pay for clearing 2 MB it does not use. */
#define HUGE_PAGE ((size_t)2 << 20)
#define POOL_CHUNK HUGE_PAGE
#define POOL_FIRST ((size_t)32 << 10)

struct chunk {
	struct chunk *next;
	size_t size, used;
	bool mapped;         /* big_alloc(), else malloc() */
	_Alignas(16) unsigned char data[];
};

/* n bytes (a multiple of HUGE_PAGE) at a HUGE_PAGE boundary, zeroed;
 * NULL when the system refuses. */
static void *big_alloc(size_t n)
{
	unsigned char *p = mmap(NULL, n + HUGE_PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t head;

	if (p == MAP_FAILED)
		return NULL;
	head = (HUGE_PAGE - ((uintptr_t)p & (HUGE_PAGE - 1))) & (HUGE_PAGE - 1);
	if (head)
		munmap(p, head);
	munmap(p + head + n, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
	madvise(p + head, n, MADV_HUGEPAGE);
#endif
	return p + head;
}

static void big_free(void *p, size_t n)
{
	if (p)
		munmap(p, n);
}

static size_t big_round(size_t n)
{
	return (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

/* The thread's word tables: zeroed; from HUGE_PAGE up in huge pages,
 * as every token probes them at random (a TLB miss per probe in 4 KB
 * pages).  Small inputs keep small tables from malloc. */
static void *table_alloc(size_t n)
{
	return n >= HUGE_PAGE ? big_alloc(big_round(n)) : calloc(1, n);
}

static void table_free(void *p, size_t n)
{
	if (n >= HUGE_PAGE)
		big_free(p, big_round(n));
	else
		free(p);
}

struct scratch {
	struct scratch *next;
	struct chunk *pool;
	size_t pool_next;    /* size of the next chunk (0: POOL_FIRST) */
	uint64_t owner;
	bg_norm *norm;
	bg_buf fold, words, stem;
	tokenizer tk;
	vword *vw;           /* words seen by this thread */
	size_t vw_cap, vw_n;
	vtable vs;           /* their stems */
	vstem *stems_e;
	size_t astems;
	uint32_t vgen;       /* the current document */
	/* this document's words, first seen first: how often, and their
	 * stem entry; its stems' counts.  Dense, so that the entropy sums
	 * read no word entry again */
	uint32_t *dcount, *dstem, *scount;
	size_t ndw, adw, adstem, nds, ads;
	/* node -> record index + 1, valid where mgen[i] == gen */
	const bg_node **mkey;
	uint32_t *mval, *mgen, gen;
	size_t mcap, mn;
	rec *recs;
	size_t nrec, arec;
	uint64_t *grams, *gtmp;
	size_t ngrams, agrams, agtmp;
	bg_cx_cite *cites;   /* bwb ids borrowed from the document */
	size_t ncites, acites;
	double dsum, dsq;
};

static _Thread_local struct scratch *tls;

static void scratch_free(struct scratch *s)
{
	while (s->pool) {
		struct chunk *c = s->pool;
		s->pool = c->next;
		if (c->mapped)
			big_free(c, sizeof *c + c->size);
		else
			free(c);
	}
	bg_norm_free(s->norm);
	bg_buf_release(&s->fold);
	bg_buf_release(&s->stem);
	free(s->tk.v);
	table_free(s->vw, s->vw_cap * sizeof *s->vw);
	table_free(s->vs.slot, s->vs.cap * sizeof *s->vs.slot);
	free(s->stems_e);
	free(s->dcount);
	free(s->dstem);
	free(s->scount);
	free(s->mkey);
	free(s->mval);
	free(s->mgen);
	free(s->recs);
	free(s->grams);
	free(s->gtmp);
	free(s->cites);
	free(s);
}

void bg_cx_rules_free(bg_cx_rules *r)
{
	if (!r)
		return;
	while (r->scratches) {
		struct scratch *s = r->scratches;
		r->scratches = s->next;
		if (tls == s)
			tls = NULL;
		scratch_free(s);
	}
	free(r->ph);
	free(r->words.h);
	free(r->words.f);
	for (size_t i = 0; i < r->nmorph; i++)
		free(r->morph[i]);
	free(r->morph);
	free(r->morph_len);
	pthread_mutex_destroy(&r->lock);
	free(r);
}

static struct scratch *get_scratch(const bg_cx_rules *rc)
{
	bg_cx_rules *r = (bg_cx_rules *)rc; /* only the registry is written, under the lock */
	struct scratch *s;

	if (tls && tls->owner == r->id)
		return tls;
	if (!(s = calloc(1, sizeof *s)))
		return NULL;
	s->owner = r->id;
	bg_buf_init(&s->fold);
	bg_buf_init(&s->stem);
	s->tk.fold = &s->fold;
	s->tk.words = &r->words;
	if (!(s->norm = bg_norm_new())) {
		scratch_free(s);
		return NULL;
	}
	pthread_mutex_lock(&r->lock);
	s->next = r->scratches;
	r->scratches = s;
	pthread_mutex_unlock(&r->lock);
	tls = s;
	return s;
}

/* The slot of hash h in t (entries e), or where it goes: *found says
 * which. */
static size_t vt_find(const vtable *t, const vstem *e, uint64_t h, bool *found)
{
	size_t i = mix(h) & (t->cap - 1);
	uint32_t tag = (uint32_t)(h >> 32);

	while (t->slot[i].i && (t->slot[i].tag != tag || e[t->slot[i].i - 1].h != h))
		i = (i + 1) & (t->cap - 1);
	*found = t->slot[i].i != 0;
	return i;
}

/* Room for one more entry (load <= 1/2). */
static bool vt_reserve(vtable *t, const vstem *e)
{
	size_t nc;
	vslot *ns;

	if ((t->n + 1) * 2 <= t->cap)
		return true;
	nc = t->cap ? t->cap * 2 : 4096;
	if (!(ns = table_alloc(nc * sizeof *ns)))
		return false;
	for (size_t k = 0; k < t->cap; k++) {
		if (!t->slot[k].i)
			continue;
		size_t j = mix(e[t->slot[k].i - 1].h) & (nc - 1);
		while (ns[j].i)
			j = (j + 1) & (nc - 1);
		ns[j] = t->slot[k];
	}
	table_free(t->slot, t->cap * sizeof *t->slot);
	t->slot = ns;
	t->cap = nc;
	return true;
}

/* Room for index n in *v. */
static bool grow_u32(uint32_t **v, size_t *alloc, size_t n)
{
	if (n < *alloc)
		return true;
	size_t na = *alloc ? *alloc * 2 : 1024;
	while (na <= n)
		na *= 2;
	uint32_t *nv = realloc(*v, na * sizeof *nv);
	if (!nv)
		return false;
	*v = nv;
	*alloc = na;
	return true;
}

static bool compound_number(const bg_cx_rules *r, const char *w, size_t n, unsigned parts);

/* The stem entry of a word (stemmed here, once per thread). */
static bool intern_stem(struct scratch *s, const char *w, size_t n, uint32_t *out)
{
	uint64_t h;
	size_t i;
	bool found;

	bg_buf_clear(&s->stem);
	bg_norm_stem_fresh(s->norm, w, n, &s->stem);   /* once per distinct word */
	if (!bg_buf_ok(&s->stem) || !vt_reserve(&s->vs, s->stems_e))
		return false;
	h = fnv(s->stem.s, s->stem.len);
	i = vt_find(&s->vs, s->stems_e, h, &found);
	if (!found) {
		if (s->vs.n == s->astems) {
			size_t na = s->astems ? s->astems * 2 : 4096;
			vstem *v = realloc(s->stems_e, na * sizeof *v);
			if (!v)
				return false;
			s->stems_e = v;
			s->astems = na;
		}
		s->stems_e[s->vs.n] = (vstem){ h, 0, 0 };
		s->vs.slot[i].tag = (uint32_t)(h >> 32);
		s->vs.slot[i].i = (uint32_t)++s->vs.n;
	}
	*out = s->vs.slot[i].i - 1;
	return true;
}

/* The slot of hash h among the words: its entry or where it goes. */
static inline size_t vw_find(const struct scratch *s, uint64_t h)
{
	size_t i = mix(h) & (s->vw_cap - 1);

	while (s->vw[i].h && s->vw[i].h != h)
		i = (i + 1) & (s->vw_cap - 1);
	return i;
}

/* Where entry h went in the new table nv[0..nc). */
static uint32_t moved(const vword *nv, size_t nc, uint64_t h)
{
	size_t j = mix(h) & (nc - 1);

	while (nv[j].h != h)
		j = (j + 1) & (nc - 1);
	return (uint32_t)j;
}

/* Room for one more word (load <= 1/2); moves the entries of the
 * block's first `done` tokens. */
static bool vw_reserve(struct scratch *s, size_t done)
{
	size_t nc;
	vword *nv;

	if ((s->vw_n + 1) * 2 <= s->vw_cap)
		return true;
	nc = s->vw_cap ? s->vw_cap * 2 : 4096;
	if (!(nv = table_alloc(nc * sizeof *nv)))
		return false;
	for (size_t k = 0; k < s->vw_cap; k++) {
		if (!s->vw[k].h)
			continue;
		size_t j = mix(s->vw[k].h) & (nc - 1);
		while (nv[j].h)
			j = (j + 1) & (nc - 1);
		nv[j] = s->vw[k];
	}
	for (size_t k = 0; k < done; k++)
		s->tk.v[k].x = moved(nv, nc, s->tk.v[k].h);
	table_free(s->vw, s->vw_cap * sizeof *s->vw);
	s->vw = nv;
	s->vw_cap = nc;
	return true;
}

/*
 * A new entry for the block's token number `at` (folded text in s->fold).
 * Returns (uint32_t)-1 when out of memory.
 */
static uint32_t __attribute__((noinline))
intern_new(const bg_cx_rules *r, struct scratch *s, size_t at)
{
	const tok *k = &s->tk.v[at];
	const char *w = s->fold.s + k->off;
	vword *e;
	size_t i;
	unsigned fl, syl;
	bool letter;

	if (!vw_reserve(s, at))
		return (uint32_t)-1;
	i = vw_find(s, k->h);
	e = &s->vw[i];
	memset(e, 0, sizeof *e);
	fl = wmap_get(&r->words, k->h);
	syl = word_shape(w, k->len, &letter);
	e->syl = (uint16_t)(syl > 65535 ? 65535 : syl);
	if (letter)
		fl |= V_LETTER;
	if ((mix(k->h) & 7) == 0)
		fl |= V_SAMPLE;
	if (letter && !(fl & F_NUMBER) && k->len > 5 &&
	    compound_number(r, w, k->len, 0))
		fl |= V_COMPOUND;
	if (fl & F_FIRST) {
		/* phrases sharing this first word, longest first */
		size_t lo = 0, hi = r->nph;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (r->ph[mid].w[0] < k->h)
				lo = mid + 1;
			else
				hi = mid;
		}
		e->phrase = (uint32_t)lo;
	}
	if (letter && !(fl & F_STOP)) {
		fl |= V_COUNTED;
		if (!intern_stem(s, w, k->len, &e->stem))
			return (uint32_t)-1;
	}
	e->meta = fl;   /* generation 0: no document's yet */
	e->h = k->h;
	s->vw_n++;
	return (uint32_t)i;
}

/* The entry of the block's token number `at`, made on first sight;
 * (uint32_t)-1 when out of memory. */
static inline uint32_t intern(const bg_cx_rules *r, struct scratch *s, size_t at)
{
	if (s->vw_cap) {
		size_t i = vw_find(s, s->tk.v[at].h);
		if (s->vw[i].h)
			return (uint32_t)i;
	}
	return intern_new(r, s, at);
}

/* Syllables of token k whose entry is e, as the Flesch-Douma formula
 * counts them: a word with letters has at least one. */
static inline uint32_t tok_syl(const vword *e, const tok *k)
{
	uint32_t syl = (uint32_t)e->syl + k->diaer;

	if (syl > 65535)
		syl = 65535;
	return (e->meta & V_LETTER) && !syl ? 1 : syl;
}

/* One more occurrence of word x in this document. */
static bool count_word(struct scratch *s, uint32_t x)
{
	vword *e = &s->vw[x];

	if ((e->meta >> 8) != s->vgen) {
		if (!grow_u32(&s->dcount, &s->adw, s->ndw) ||
		    !grow_u32(&s->dstem, &s->adstem, s->ndw))
			return false;
		e->meta = s->vgen << 8 | (e->meta & 0xff);
		e->local = (uint32_t)s->ndw;
		s->dcount[s->ndw] = 0;
		s->dstem[s->ndw++] = e->stem;
	}
	s->dcount[e->local]++;
	return true;
}

/* Starts a document: no word counted yet.  A thread that has seen very
 * many distinct words starts its tables afresh (bounded memory). */
static void vocab_reset(struct scratch *s)
{
	s->ndw = s->nds = 0;
	if (s->vw_n > ((size_t)1 << 21)) {
		memset(s->vw, 0, s->vw_cap * sizeof *s->vw);
		memset(s->vs.slot, 0, s->vs.cap * sizeof *s->vs.slot);
		s->vw_n = s->vs.n = 0;
	}
	if (++s->vgen == VGEN_MAX) {   /* wrapped: clear for real */
		for (size_t i = 0; i < s->vw_cap; i++)
			s->vw[i].meta &= 0xff;
		for (size_t i = 0; i < s->vs.n; i++)
			s->stems_e[i].gen = 0;
		s->vgen = 1;
	}
}

#define PREFETCH 16   /* entries ahead */

/* Shannon entropy in bits of counts c[0..n), summed in that order.  Most
 * words occur a few times only, so the term of each small count is
 * computed once (the same double as computing it again). */
#define ENT_MEMO 64

static double entropy(const uint32_t *c, size_t n)
{
	double total = 0, h = 0, memo[ENT_MEMO];
	bool known[ENT_MEMO] = { false };

	for (size_t i = 0; i < n; i++)
		total += c[i];
	if (total <= 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = c[i] < ENT_MEMO ? c[i] : 0;
		double p;
		if (k && known[k]) {
			h -= memo[k];
			continue;
		}
		p = c[i] / total;
		if (k) {
			memo[k] = p * log2(p);
			known[k] = true;
			h -= memo[k];
		} else {
			h -= p * log2(p);
		}
	}
	return h;
}

/* Entropy of the document's words and of their stems, and the two
 * vocabulary sizes. */
static bool doc_entropy(struct scratch *s, bg_cx_doc *d)
{
	d->entropy = entropy(s->dcount, s->ndw);
	d->vocabulary = s->ndw;
	/* stems first seen first, as the words; their entries are spread
	 * over the thread's stems, so they are asked for ahead */
	if (!grow_u32(&s->scount, &s->ads, s->ndw))
		return false;
	for (size_t i = 0; i < s->ndw; i++) {
		vstem *st;
		if (i + PREFETCH < s->ndw)
			__builtin_prefetch(&s->stems_e[s->dstem[i + PREFETCH]]);
		st = &s->stems_e[s->dstem[i]];
		if (st->gen != s->vgen) {
			st->gen = s->vgen;
			st->local = (uint32_t)s->nds;
			s->scount[s->nds++] = 0;
		}
		s->scount[st->local] += s->dcount[i];
	}
	d->entropy_stemmed = entropy(s->scount, s->nds);
	d->vocabulary_stemmed = s->nds;
	return true;
}

static bool map_put(struct scratch *s, const bg_node *n, uint32_t v)
{
	size_t i;

	if ((s->mn + 1) * 2 > s->mcap) {
		size_t nc = s->mcap ? s->mcap * 2 : 256;
		const bg_node **nk = calloc(nc, sizeof *nk);
		uint32_t *nv = calloc(nc, sizeof *nv), *ng = calloc(nc, sizeof *ng);
		if (!nk || !nv || !ng) {
			free(nk);
			free(nv);
			free(ng);
			return false;
		}
		for (size_t k = 0; k < s->mcap; k++) {
			if (s->mgen[k] != s->gen)
				continue;
			size_t j = mix((uint64_t)(uintptr_t)s->mkey[k]) & (nc - 1);
			while (ng[j] == s->gen)
				j = (j + 1) & (nc - 1);
			nk[j] = s->mkey[k];
			nv[j] = s->mval[k];
			ng[j] = s->gen;
		}
		free(s->mkey);
		free(s->mval);
		free(s->mgen);
		s->mkey = nk;
		s->mval = nv;
		s->mgen = ng;
		s->mcap = nc;
	}
	i = mix((uint64_t)(uintptr_t)n) & (s->mcap - 1);
	while (s->mgen[i] == s->gen && s->mkey[i] != n)
		i = (i + 1) & (s->mcap - 1);
	if (s->mgen[i] != s->gen)
		s->mn++;
	s->mkey[i] = n;
	s->mval[i] = v;
	s->mgen[i] = s->gen;
	return true;
}

static uint32_t map_get(const struct scratch *s, const bg_node *n)
{
	if (!s->mcap)
		return 0;
	for (size_t i = mix((uint64_t)(uintptr_t)n) & (s->mcap - 1);
	     s->mgen[i] == s->gen; i = (i + 1) & (s->mcap - 1))
		if (s->mkey[i] == n)
			return s->mval[i];
	return 0;
}

/* ----------------------------------------------------------- counts */

void bg_cx_counts_add(bg_cx_counts *a, const bg_cx_counts *b)
{
	a->conditions += b->conditions;
	a->exceptions += b->exceptions;
	a->delegations += b->delegations;
	a->items_and += b->items_and;
	a->items_or += b->items_or;
	a->lists += b->lists;
	a->refs_internal += b->refs_internal;
	a->refs_external += b->refs_external;
	if (b->depth > a->depth)
		a->depth = b->depth;
	a->words += b->words;
	a->sentences += b->sentences;
	a->syllables += b->syllables;
	a->letter_words += b->letter_words;
	a->and_or += b->and_or;
	a->number_words += b->number_words;
}

double bg_cx_stacking(const bg_cx_rules *r, const bg_cx_counts *c)
{
	return r->w[W_COND] * c->conditions + r->w[W_EXC] * c->exceptions +
	       r->w[W_AND] * c->items_and + r->w[W_OR] * c->items_or +
	       r->w[W_DEPTH] * c->depth + r->w[W_DEL] * c->delegations +
	       r->w[W_REF] * ((double)c->refs_internal + c->refs_external);
}

double bg_cx_flesch(const bg_cx_counts *c)
{
	if (!c->letter_words || !c->sentences)
		return 0;
	return 206.835 - 0.93 * ((double)c->words / c->sentences) -
	       77.0 * ((double)c->syllables / c->letter_words);
}

const char *bg_cx_kind_name(bg_cx_kind k)
{
	switch (k) {
	case BG_CX_ARTIKEL: return "artikel";
	case BG_CX_LID: return "lid";
	default: return "definition";
	}
}

const char *const bg_cx_rank_names[6] = {
	"elements", "depth_mean", "words", "entropy", "citations_in", "citations_out",
};

/* ---------------------------------------------------------- analysis */

/* True when the word is a cardinal number written out: one of the
 * lexicon's number words, or a compound of them joined by "en"
 * ("vijfentwintig", "tweehonderdvijftig"). */
static bool compound_number(const bg_cx_rules *r, const char *w, size_t n, unsigned parts)
{
	if (n == 0)
		return parts >= 2;
	if (!r->morph_first[(unsigned char)*w] && !(parts && *w == 'e'))
		return false;
	/* quick refusal: no morpheme (nor "en") starts with these two letters */
	if (n >= 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' &&
	    !r->morph2[w[0] - 'a'][w[1] - 'a'] && !(parts && w[0] == 'e' && w[1] == 'n'))
		return false;
	for (size_t i = 0; i < r->nmorph; i++) {
		size_t m = r->morph_len[i];
		if (m <= n && !memcmp(w, r->morph[i], m) &&
		    compound_number(r, w + m, n - m, parts + 1))
			return true;
	}
	if (parts && n > 2 && !memcmp(w, "en", 2))
		return compound_number(r, w + 2, n - 2, parts);
	return false;
}

static bool ends_with_word(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);

	while (n && (s[n - 1] == ' ' || s[n - 1] == ';' || s[n - 1] == ',' ||
		     s[n - 1] == '.' || s[n - 1] == ':'))
		n--;
	if (n < m || strncasecmp(s + n - m, w, m))
		return false;
	return n == m || s[n - m - 1] == ' ' || s[n - m - 1] == ';' || s[n - m - 1] == ',';
}

static bool contains_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);

	for (size_t i = 0; i + m <= n; i++)
		if ((s[i] | 32) == (w[0] | 32) && !strncasecmp(s + i, w, m))
			return true;
	return false;
}

static uint32_t count_and_or(const char *s, size_t n)
{
	uint32_t k = 0;
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '/', (size_t)(end - p)))) {
		if (p - s >= 2 && end - p >= 3 && (p[-2] | 32) == 'e' && (p[-1] | 32) == 'n' &&
		    (p[1] | 32) == 'o' && (p[2] | 32) == 'f' &&
		    (p - s == 2 || !((p[-3] | 32) >= 'a' && (p[-3] | 32) <= 'z') ) &&
		    (end - p == 3 || !((p[3] | 32) >= 'a' && (p[3] | 32) <= 'z')))
			k++;
		p++;
	}
	return k;
}

struct list_memo {
	const bg_node *lijst;
	bool defs;
};

/* The text block before a list in the same parent: its introduction. */
static const bg_node *list_intro(const bg_node *lijst)
{
	const bg_node *intro = NULL;

	if (!lijst->parent)
		return NULL;
	for (const bg_node *c = lijst->parent->first_child; c && c != lijst; c = c->next)
		if (c->kind == BG_N_AL)
			intro = c;
	return intro;
}

/* True when the list is introduced by "... wordt verstaan onder:": a
 * list of definitions. */
static bool is_def_list(const bg_node *lijst)
{
	const bg_node *intro = list_intro(lijst);

	return intro && contains_ci(intro->text, intro->text_len, "verstaan onder");
}

/* is_def_list() of the parent of a list item; the answer for the last
 * list asked about is kept in *memo, as a list's items come one after
 * the other in pre-order. */
static bool in_def_list(const bg_node *li, struct list_memo *memo)
{
	if (memo->lijst != li->parent) {
		memo->lijst = li->parent;
		memo->defs = is_def_list(li->parent);
	}
	return memo->defs;
}

/* A list item that defines a term: "term: meaning" under an
 * introduction saying "... wordt verstaan onder:".  The term is at most
 * ten words before the first colon. */
static bool def_li(const bg_node *li, struct list_memo *memo, const char **term,
		   size_t *tlen)
{
	const bg_node *al = NULL;
	const char *colon;
	size_t n;

	if (!li->parent || li->parent->kind != BG_N_LIJST || !in_def_list(li, memo))
		return false;
	for (const bg_node *c = li->first_child; c; c = c->next)
		if (c->kind == BG_N_AL) {
			al = c;
			break;
		}
	if (!al)
		return false;
	n = al->text_len < 200 ? al->text_len : 200;
	if (!(colon = memchr(al->text, ':', n)) || colon == al->text)
		return false;
	if (memchr(al->text, ';', (size_t)(colon - al->text)) ||
	    bg_count_words(al->text, (size_t)(colon - al->text)) > 10)
		return false;
	*term = al->text;
	*tlen = (size_t)(colon - al->text);
	return true;
}

static bool new_rec(struct scratch *s, const bg_node *n, bg_cx_kind k)
{
	if (s->nrec == s->arec) {
		size_t na = s->arec ? s->arec * 2 : 64;
		rec *v = realloc(s->recs, na * sizeof *v);
		if (!v)
			return false;
		s->recs = v;
		s->arec = na;
	}
	memset(&s->recs[s->nrec], 0, sizeof s->recs[0]);
	s->recs[s->nrec].node = n;
	s->recs[s->nrec].kind = k;
	s->recs[s->nrec].term = "";
	s->nrec++;
	return map_put(s, n, (uint32_t)s->nrec);
}

/* Adds c to the nearest record of each kind above n (n included), and
 * raises their depth to the number of lists between. */
static void attribute(struct scratch *s, const bg_node *n, const bg_cx_counts *c)
{
	unsigned lists = 0;
	bool got[3] = { false, false, false };

	for (const bg_node *p = n; p; p = p->parent) {
		uint32_t ri;
		if (p->kind == BG_N_LIJST)
			lists++;
		if ((p->kind == BG_N_ARTIKEL || p->kind == BG_N_LID || p->kind == BG_N_LI ||
		     p->kind == BG_N_DEFITEM) && (ri = map_get(s, p))) {
			rec *r = &s->recs[ri - 1];
			if (!got[r->kind]) {
				got[r->kind] = true;
				bg_cx_counts_add(&r->c, c);
				if (lists > r->c.depth)
					r->c.depth = lists;
			}
		}
		if (p->kind == BG_N_ARTIKEL)
			break;
	}
}

/* The top GRAM_SORT_BITS bits of an n-gram hash: the order its document
 * keeps its sample in, and the most buckets dup_grams() splits by. */
#define GRAM_SORT_BITS 16

/* Copies src[0..n) to dst ordered by the top GRAM_SORT_BITS bits (two
 * stable counting passes of 8 bits, through tmp). */
static void sort_grams(const uint64_t *src, uint64_t *tmp, uint64_t *dst, size_t n)
{
	size_t cnt[2][257];

	memset(cnt, 0, sizeof cnt);
	for (size_t i = 0; i < n; i++) {
		cnt[0][((src[i] >> 48) & 255) + 1]++;
		cnt[1][(src[i] >> 56) + 1]++;
	}
	for (int b = 0; b < 256; b++) {
		cnt[0][b + 1] += cnt[0][b];
		cnt[1][b + 1] += cnt[1][b];
	}
	for (size_t i = 0; i < n; i++)
		tmp[cnt[0][(src[i] >> 48) & 255]++] = src[i];
	for (size_t i = 0; i < n; i++)
		dst[cnt[1][tmp[i] >> 56]++] = tmp[i];
}

static bool push_gram(struct scratch *s, uint64_t g)
{
	if (s->ngrams == s->agrams) {
		size_t na = s->agrams ? s->agrams * 2 : 1024;
		uint64_t *v = realloc(s->grams, na * sizeof *v);
		if (!v)
			return false;
		s->grams = v;
		s->agrams = na;
	}
	s->grams[s->ngrams++] = g;
	return true;
}

static bool add_cite(struct scratch *s, const char *id)
{
	for (size_t i = 0; i < s->ncites; i++)
		if (!strcmp(s->cites[i].bwb_id, id)) {
			s->cites[i].count++;
			return true;
		}
	if (s->ncites == s->acites) {
		size_t na = s->acites ? s->acites * 2 : 16;
		bg_cx_cite *v = realloc(s->cites, na * sizeof *v);
		if (!v)
			return false;
		s->cites = v;
		s->acites = na;
	}
	s->cites[s->ncites].bwb_id = id;
	s->cites[s->ncites].count = 1;
	s->ncites++;
	return true;
}

#define GRAM_MUL 0x9e3779b97f4a7c15ull   /* odd: each step is invertible */

/* One text block: its counts into c; words into the entropy table and
 * n-gram sample. */
static bool block(const bg_cx_rules *r, struct scratch *s, const bg_doc *doc,
		  const bg_node *n, bg_cx_counts *c)
{
	tokenizer *t = &s->tk;
	const bg_ref *refs = bg_doc_refs(doc);
	const char *self = bg_doc_bwb_id(doc);

	memset(c, 0, sizeof *c);
	tokenize(t, n->text, n->text_len);
	if (t->failed)
		return false;
	c->words = (uint32_t)t->n;
	c->sentences = t->sentences;
	/* the word table is larger than the cache, and the reader streams
	 * the XML through it between blocks: ask for every token's slot
	 * first, so that the misses overlap instead of coming one by one */
	if (s->vw_cap)
		for (size_t i = 0; i < t->n; i++)
			__builtin_prefetch(&s->vw[mix(t->v[i].h) & (s->vw_cap - 1)]);
	/* tokens are interned in text order, each right before its use
	 * (while its entry is in cache), so vw_reserve() knows which tokens
	 * hold entries to move */
	for (size_t i = 0; i < t->n;) {
		tok *k = &t->v[i];
		const vword *e;
		size_t adv = 1;
		unsigned fl;
		if ((k->x = intern(r, s, i)) == (uint32_t)-1)
			return false;
		e = &s->vw[k->x];
		fl = e->meta & 0xff;
		k->sample = fl & V_SAMPLE;
		if (fl & V_LETTER) {
			c->letter_words++;
			c->syllables += tok_syl(e, k);
			if ((fl & V_COUNTED) && !count_word(s, k->x))
				return false;
			if (fl & F_NUMBER) {
				/* "in acht nemen" is not a number */
				if (!(k->len == 4 && !memcmp(s->fold.s + k->off, "acht", 4) &&
				      i && t->v[i - 1].len == 2 &&
				      !memcmp(s->fold.s + t->v[i - 1].off, "in", 2)))
					c->number_words++;
			} else if (fl & V_COMPOUND) {
				c->number_words++;
			}
		}
		if (fl & F_FIRST) {
			/* phrases sharing this first word, longest first */
			for (size_t p = e->phrase; p < r->nph && r->ph[p].w[0] == k->h; p++) {
				const phrase *ph = &r->ph[p];
				unsigned j;
				if (i + ph->nw > t->n)
					continue;
				for (j = 1; j < ph->nw && t->v[i + j].h == ph->w[j]; j++)
					;
				if (j == ph->nw) {
					if (ph->cat == CAT_COND)
						c->conditions++;
					else if (ph->cat == CAT_EXC)
						c->exceptions++;
					else
						c->delegations++;
					adv = ph->nw;
					break;
				}
			}
		}
		/* letters counted for every word of a matched phrase too */
		for (size_t j = i + 1; j < i + adv; j++) {
			tok *q = &t->v[j];
			const vword *qe;
			if ((q->x = intern(r, s, j)) == (uint32_t)-1)
				return false;
			qe = &s->vw[q->x];
			q->sample = qe->meta & V_SAMPLE;
			if (qe->meta & V_LETTER) {
				c->letter_words++;
				c->syllables += tok_syl(qe, q);
				if ((qe->meta & V_COUNTED) && !count_word(s, q->x))
					return false;
			}
		}
		i += adv;
	}
	if (t->n >= r->ngram) {
		for (size_t i = 0; i + r->ngram <= t->n; i++) {
			uint64_t g = 0;
			/* keep the n-grams whose first word hashes to 0 mod 8
			 * (V_SAMPLE): a sample decided by content alone, so the
			 * same in every regulation that contains the n-gram */
			if (!t->v[i].sample)
				continue;
			/* only equality of n-grams counts: word hashes chained
			 * by one multiply each, mixed once at the end */
			for (size_t j = i; j < i + r->ngram; j++)
				g = (g ^ t->v[j].h) * GRAM_MUL;
			if (!push_gram(s, mix(g) | 1))   /* never 0: 0 marks a free slot */
				return false;
		}
	}
	c->and_or = count_and_or(n->text, n->text_len);
	for (unsigned i = 0; i < n->ref_count; i++) {
		const bg_ref *ref = &refs[n->ref_first + i];
		if (!ref->external || (ref->bwb_id[0] && !strcmp(ref->bwb_id, self))) {
			c->refs_internal++;
		} else {
			c->refs_external++;
			if (ref->bwb_id[0] && !add_cite(s, ref->bwb_id))
				return false;
		}
	}
	return true;
}

/* Items of a list and how they are joined: by the Dutch drafting
 * convention the conjunction closes the last but one item ("b. ...; en"
 * / "b. ...; of").  A list introduced by "... wordt verstaan onder:" is a
 * list of definitions, not of conditions, whatever its items end with. */
static void list_counts(const bg_node *lijst, struct list_memo *memo, bg_cx_counts *c)
{
	unsigned items = 0;
	const bg_node *penult = NULL, *last = NULL;

	memset(c, 0, sizeof *c);
	c->lists = 1;
	for (const bg_node *li = lijst->first_child; li; li = li->next) {
		if (li->kind != BG_N_LI)
			continue;
		items++;
		penult = last;
		last = li;
	}
	if (!penult)
		return;
	if (in_def_list(penult, memo))
		return;
	last = NULL;
	for (const bg_node *x = penult->first_child; x; x = x->next)
		if (x->kind == BG_N_AL)
			last = x;
	if (!last)
		return;
	if (ends_with_word(last->text, last->text_len, "en"))
		c->items_and = items;
	else if (ends_with_word(last->text, last->text_len, "of"))
		c->items_or = items;
}

/* n bytes at a multiple of align (a power of two, at most 16). */
static void *pool_take(struct scratch *s, size_t n, size_t align)
{
	struct chunk *c = s->pool;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	void *p;

	if (!n)
		n = 1;
	if (!c || at > c->size || c->size - at < n) {
		size_t next = s->pool_next ? s->pool_next : POOL_FIRST;
		size_t size = n > next / 4 ? n : next - sizeof *c;
		bool mapped = size != n && next == POOL_CHUNK && (c = big_alloc(POOL_CHUNK));
		if (!mapped && !(c = malloc(sizeof *c + size)))
			return NULL;
		c->size = size;
		c->used = 0;
		c->mapped = mapped;
		if (size != n && next < POOL_CHUNK)
			s->pool_next = next * 2;
		if (size == n && s->pool) {     /* keep the current chunk current */
			c->next = s->pool->next;
			s->pool->next = c;
		} else {
			c->next = s->pool;
			s->pool = c;
		}
		at = 0;
	}
	p = c->data + at;
	c->used = at + n;
	return p;
}

static void *pool_alloc(struct scratch *s, size_t n)
{
	return pool_take(s, n, 16);
}

/* Strings are packed byte by byte, and every empty one is the same: the
 * results of the corpus are some 10^5 provisions with an address, a label
 * and (mostly empty) a term. */
static char *pool_strndup(struct scratch *s, const char *str, size_t n)
{
	static char empty[1];
	char *p;

	if (!n)
		return empty;
	if ((p = pool_take(s, n + 1, 1))) {
		memcpy(p, str, n);
		p[n] = '\0';
	}
	return p;
}

static char *pool_strdup(struct scratch *s, const char *str)
{
	return pool_strndup(s, str, strlen(str));
}

static const char *make_label(struct scratch *a, const rec *r, bg_buf *b)
{
	const bg_node *art = bg_node_ancestor(r->node, BG_N_ARTIKEL);
	const bg_node *lid = bg_node_ancestor(r->node, BG_N_LID);

	/* plain appends: one label per provision, and a printf per label
	 * cost as much as measuring the provision's words */
	bg_buf_clear(b);
	if (art) {
		bg_buf_adds(b, "artikel");
		if (art->nr[0]) {
			bg_buf_addc(b, ' ');
			bg_buf_adds(b, art->nr);
		}
	}
	if (lid && lid->nr[0] && (!art || bg_node_ancestor(lid, BG_N_ARTIKEL) == art)) {
		if (b->len)
			bg_buf_addc(b, ' ');
		bg_buf_adds(b, "lid ");
		bg_buf_adds(b, lid->nr);
	}
	if (r->kind == BG_CX_DEFINITION) {
		if (b->len)
			bg_buf_addc(b, ' ');
		bg_buf_adds(b, "definitie ");
		bg_buf_add(b, r->term, r->term_len);
	}
	if (!b->len)
		bg_buf_adds(b, bg_node_kind_name(r->node->kind));
	return bg_buf_ok(b) ? pool_strndup(a, b->s, b->len) : "";
}

bg_cx_doc *bg_cx_analyze(const bg_cx_rules *r, const bg_doc *doc)
{
	struct scratch *s = get_scratch(r);
	const bg_node *root = bg_doc_root(doc);
	bg_cx_doc *d;
	bg_cx_counts c;
	struct list_memo memo = { NULL, false };
	bool ok = true;

	if (!s || !(d = pool_alloc(s, sizeof *d)))
		return NULL;
	memset(d, 0, sizeof *d);
	s->nrec = s->ngrams = s->ncites = 0;
	s->dsum = s->dsq = 0;
	s->mn = 0;
	if (++s->gen == 0) {
		if (s->mgen)
			memset(s->mgen, 0, s->mcap * sizeof *s->mgen);
		s->gen = 1;
	}
	vocab_reset(s);

	for (const bg_node *n = root; n && ok; n = bg_node_next(root, n)) {
		switch (n->kind) {
		case BG_N_ARTIKEL:
			d->at++;
			ok = new_rec(s, n, BG_CX_ARTIKEL);
			break;
		case BG_N_LID: {
			const bg_node *art = bg_node_ancestor(n, BG_N_ARTIKEL);
			uint32_t ri = art ? map_get(s, art) : 0;
			d->below++;
			if (ri)
				s->recs[ri - 1].has_lid = true;
			ok = new_rec(s, n, BG_CX_LID);
			break;
		}
		case BG_N_LI: {
			const char *term;
			size_t tlen;
			d->below++;
			if (def_li(n, &memo, &term, &tlen) && (ok = new_rec(s, n, BG_CX_DEFINITION))) {
				s->recs[s->nrec - 1].term = term;
				s->recs[s->nrec - 1].term_len = tlen;
			}
			break;
		}
		case BG_N_DEFITEM:
			d->below++;
			if ((ok = new_rec(s, n, BG_CX_DEFINITION))) {
				for (const bg_node *t = n->first_child; t; t = t->next)
					if (t->kind == BG_N_TERM) {
						s->recs[s->nrec - 1].term = t->text;
						s->recs[s->nrec - 1].term_len = t->text_len;
						break;
					}
			}
			break;
		case BG_N_LIJST:
			list_counts(n, &memo, &c);
			bg_cx_counts_add(&d->total, &c);
			attribute(s, n, &c);
			break;
		case BG_N_AL:
		case BG_N_TERM: {
			unsigned depth = 0;
			if (!(ok = block(r, s, doc, n, &c)))
				break;
			bg_cx_counts_add(&d->total, &c);
			attribute(s, n, &c);
			for (const bg_node *p = n->parent; p; p = p->parent)
				depth++;
			d->blocks++;
			s->dsum += depth;
			s->dsq += (double)depth * depth;
			break;
		}
		default:
			if (bg_node_kind_is_container(n->kind))
				d->above++;
			break;
		}
	}
	if (!ok)
		goto fail;

	/* entropy, unstemmed and stemmed (each distinct word stemmed once) */
	if (!doc_entropy(s, d))
		goto fail;
	if (d->blocks) {
		double m = s->dsum / d->blocks, v = s->dsq / d->blocks - m * m;
		d->depth_mean = m;
		d->depth_sd = v > 0 ? sqrt(v) : 0;
	}
	d->tokens_per_article = d->at ? (double)d->total.words / d->at : 0;
	d->flesch = bg_cx_flesch(&d->total);
	d->cit_out = d->total.refs_external;
	d->cit_internal = d->total.refs_internal;

	/* strings */
	d->path = pool_strdup(s, bg_doc_path(doc));
	d->bwb_id = pool_strdup(s, bg_doc_bwb_id(doc));
	d->title = pool_strdup(s, bg_doc_short_title(doc)[0] ? bg_doc_short_title(doc)
								  : bg_doc_title(doc));
	d->date = pool_strdup(s, bg_doc_date(doc));
	d->soort = pool_strdup(s, bg_doc_soort(doc));
	if (!d->path || !d->bwb_id || !d->title || !d->date || !d->soort)
		goto fail;
	if (s->ncites) {
		if (!(d->cites = pool_alloc(s, s->ncites * sizeof *d->cites)))
			goto fail;
		for (size_t i = 0; i < s->ncites; i++) {
			d->cites[i].count = s->cites[i].count;
			if (!(d->cites[i].bwb_id = pool_strdup(s, s->cites[i].bwb_id)))
				goto fail;
		}
		d->ncites = s->ncites;
	}

	/* provisions */
	if (s->nrec && !(d->provs = pool_alloc(s, s->nrec * sizeof *d->provs)))
		goto fail;
	for (size_t i = 0; i < s->nrec; i++) {
		const rec *rc = &s->recs[i];
		bg_cx_prov *p = &d->provs[d->nprov++];
		p->kind = rc->kind;
		p->leaf = rc->kind == BG_CX_LID || (rc->kind == BG_CX_ARTIKEL && !rc->has_lid);
		p->address = pool_strdup(s, rc->node->address);
		p->label = make_label(s, rc, &s->stem);
		p->term = pool_strndup(s, rc->term, rc->term_len);
		p->line = rc->node->line;
		p->c = rc->c;
		p->stacking = bg_cx_stacking(r, &rc->c);
		if (p->c.depth > d->total.depth)
			d->total.depth = p->c.depth;   /* blocks carry no depth of their own */
		if (!p->address || !p->label || !p->term)
			goto fail;
		if (p->kind != BG_CX_DEFINITION) {
			if (p->leaf && p->c.words > r->long_words)
				d->long_elements++;
			if (p->leaf) {
				d->stacking_total += p->stacking;
				if (p->stacking > d->stacking_max)
					d->stacking_max = p->stacking;
			}
		}
	}

	/* n-gram sample, ordered here on the worker thread so that the
	 * corpus step, which runs alone, reads each document's sample once
	 * (dup_grams()); in the pool too (bg_cx_doc_free() merely forgets
	 * it): a malloc() per document would fault in fresh heap pages for
	 * every one of them */
	if (s->ngrams) {
		if (s->agtmp < s->ngrams) {
			uint64_t *v = realloc(s->gtmp, s->agrams * sizeof *v);
			if (!v)
				goto fail;
			s->gtmp = v;
			s->agtmp = s->agrams;
		}
		if (!(d->grams = pool_alloc(s, s->ngrams * sizeof *d->grams)))
			goto fail;
		sort_grams(s->grams, s->gtmp, d->grams, s->ngrams);
		d->ngrams = s->ngrams;
	}
	return d;
fail:
	return NULL;   /* what was taken from the pool goes with the rules */
}

/* ------------------------------------------------------------ corpus */

int bg_cx_version_cmp(const bg_cx_doc *a, const bg_cx_doc *b)
{
	int c = strcmp(a->date, b->date);
	return c ? c : strcmp(a->path, b->path);
}

static const char *group_key(const bg_cx_doc *d)
{
	return d->bwb_id[0] ? d->bwb_id : d->path;
}

static int doc_key_cmp(const void *a, const void *b)
{
	const bg_cx_doc *x = *(bg_cx_doc *const *)a, *y = *(bg_cx_doc *const *)b;
	int c = strcmp(group_key(x), group_key(y));
	return c ? c : bg_cx_version_cmp(x, y);
}

typedef struct cin {
	const char *id;
	size_t count;
} cin;

static int cin_cmp(const void *a, const void *b)
{
	return strcmp(((const cin *)a)->id, ((const cin *)b)->id);
}

/* One sampled n-gram occurrence, and the slot of a bucket's table. */
typedef struct gocc {
	uint64_t g;
	uint32_t doc, group;
} gocc;

typedef struct gpair {
	uint64_t g;        /* 0 = free slot */
	uint32_t group;
	bool multi;
} gpair;

/*
 * dup_grams of every document still holding its sample: the occurrences
 * whose n-gram also occurs in another regulation (group).  One hash table
 * over the ~10^6 sampled occurrences of the corpus misses the cache on
 * nearly every probe; so the occurrences are scattered into buckets by the
 * top bits of their hash (n-gram hashes are mix() outputs, uniform), and
 * each bucket, a few thousand occurrences, gets a small table that stays
 * in cache.  The scatter runs in rounds over consecutive buckets, each
 * filling one buffer of at most OCC_ROUND occurrences: fresh memory is
 * dear (every page is faulted in and cleared by the kernel).  Each
 * document's sample is ordered by bucket (sort_grams()), so its
 * occurrences in a round's buckets follow the ones of the round before:
 * a cursor per document, and each sample is read once.  Counts per document are the
 * same as with one table.
 */
#define OCC_ROUND (HUGE_PAGE / sizeof(gocc))

static bool dup_grams(bg_cx_doc **v, const uint32_t *group, size_t k)
{
	size_t total = 0, nb, bits = 0, cap = 0, *start = NULL, *fill = NULL, *pos = NULL;
	size_t occ_n = 0, occ_size = 0;
	gocc *occ = NULL;
	gpair *tab = NULL;
	uint32_t *dup = NULL;
	bool ok = false;

	for (size_t i = 0; i < k; i++)
		total += v[i]->grams ? v[i]->ngrams : 0;
	while (bits < GRAM_SORT_BITS && (total >> bits) > 2048)
		bits++;
	nb = (size_t)1 << bits;
	start = calloc(nb + 1, sizeof *start);
	fill = calloc(nb, sizeof *fill);
	pos = calloc(k ? k : 1, sizeof *pos);
	dup = calloc(k ? k : 1, sizeof *dup);
	if (!start || !fill || !pos || !dup)
		goto out;
#define BUCKET(g) (bits ? (size_t)((g) >> (64 - bits)) : 0)
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; v[i]->grams && j < v[i]->ngrams; j++)
			start[BUCKET(v[i]->grams[j]) + 1]++;
	for (size_t b = 0; b < nb; b++)
		start[b + 1] += start[b];
	for (size_t b0 = 0; b0 < nb;) {
		size_t b1 = b0 + 1;
		/* buckets b0..b1 of this round: as many as fit one buffer */
		while (b1 < nb && start[b1 + 1] - start[b0] <= OCC_ROUND)
			b1++;
		if (start[b1] - start[b0] > occ_n) {
			big_free(occ, occ_size);
			occ_n = start[b1] - start[b0];
			occ_size = big_round(occ_n * sizeof *occ);
			if (!(occ = big_alloc(occ_size)))
				goto out;
		}
		for (size_t b = b0; b < b1; b++)
			fill[b] = start[b] - start[b0];
		/* each document's occurrences in buckets b0..b1 */
		for (size_t i = 0; i < k; i++) {
			const uint64_t *gv = v[i]->grams;
			size_t j = pos[i], m = gv ? v[i]->ngrams : 0;
			for (; j < m && BUCKET(gv[j]) < b1; j++) {
				gocc *o = &occ[fill[BUCKET(gv[j])]++];
				o->g = gv[j];
				o->doc = (uint32_t)i;
				o->group = group[i];
			}
			pos[i] = j;
		}
		for (size_t b = b0; b < b1; b++) {
			size_t lo = start[b] - start[b0], hi = start[b + 1] - start[b0], need = 64;
			while (need < (hi - lo) + (hi - lo) / 3)    /* load <= 3/4 */
				need *= 2;
			if (need > cap) {
				free(tab);
				if (!(tab = malloc(need * sizeof *tab)))
					goto out;
				cap = need;
			}
			memset(tab, 0, need * sizeof *tab);
			for (size_t o = lo; o < hi; o++) {
				size_t h = mix(occ[o].g) & (need - 1);
				while (tab[h].g && tab[h].g != occ[o].g)
					h = (h + 1) & (need - 1);
				if (!tab[h].g) {
					tab[h].g = occ[o].g;
					tab[h].group = occ[o].group;
				} else if (tab[h].group != occ[o].group) {
					tab[h].multi = true;
				}
			}
			for (size_t o = lo; o < hi; o++) {
				size_t h = mix(occ[o].g) & (need - 1);
				while (tab[h].g != occ[o].g)
					h = (h + 1) & (need - 1);
				dup[occ[o].doc] += tab[h].multi;
			}
		}
		b0 = b1;
	}
#undef BUCKET
	for (size_t i = 0; i < k; i++) {
		if (!v[i]->grams)
			continue;   /* sample already released: keep the counts */
		v[i]->dup_grams = dup[i];
		v[i]->dup_ratio = v[i]->ngrams ? (double)dup[i] / v[i]->ngrams : 0;
	}
	ok = true;
out:
	free(start);
	free(fill);
	free(pos);
	big_free(occ, occ_size);
	free(tab);
	free(dup);
	return ok;
}

static double measure(const bg_cx_doc *d, int m)
{
	switch (m) {
	case 0: return (double)(d->above + d->at + d->below);
	case 1: return d->depth_mean;
	case 2: return d->total.words;
	case 3: return d->entropy;
	case 4: return (double)d->cit_in;
	default: return (double)d->cit_out;
	}
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int composite_cmp(const void *a, const void *b)
{
	const bg_cx_doc *x = *(bg_cx_doc *const *)a, *y = *(bg_cx_doc *const *)b;
	if (x->composite != y->composite)
		return x->composite > y->composite ? -1 : 1;
	return strcmp(group_key(x), group_key(y));
}

bg_status bg_cx_corpus_finish(bg_cx_doc **docs, size_t n)
{
	bg_cx_doc **v = malloc((n ? n : 1) * sizeof *v), **latest;
	uint32_t *group = NULL;
	size_t k = 0, nl = 0, ncin = 0, ngroups = 0;
	cin *cins = NULL;
	double *vals = NULL;
	bg_status st = BG_ERR_NOMEM;

	if (!v)
		return BG_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (docs[i])
			v[k++] = docs[i];
	qsort(v, k, sizeof *v, doc_key_cmp);
	latest = malloc((k ? k : 1) * sizeof *latest);
	group = malloc((k ? k : 1) * sizeof *group);
	if (!latest || !group)
		goto out;
	for (size_t i = 0; i < k; i++) {
		bool last = i + 1 == k || strcmp(group_key(v[i]), group_key(v[i + 1]));
		bool first = i == 0 || strcmp(group_key(v[i]), group_key(v[i - 1]));
		if (first && i)
			ngroups++;
		group[i] = (uint32_t)ngroups;
		if (last)
			latest[nl++] = v[i];
	}

	/* citations in: from the latest version of every other regulation */
	for (size_t i = 0; i < nl; i++)
		ncin += latest[i]->ncites;
	if (!(cins = malloc((ncin ? ncin : 1) * sizeof *cins)))
		goto out;
	ncin = 0;
	for (size_t i = 0; i < nl; i++)
		for (size_t j = 0; j < latest[i]->ncites; j++)
			if (strcmp(latest[i]->cites[j].bwb_id, latest[i]->bwb_id)) {
				cins[ncin].id = latest[i]->cites[j].bwb_id;
				cins[ncin++].count = latest[i]->cites[j].count;
			}
	qsort(cins, ncin, sizeof *cins, cin_cmp);
	for (size_t i = 0; i < k; i++) {
		cin key = { v[i]->bwb_id, 0 };
		cin *hit;
		v[i]->cit_in = 0;
		if (!v[i]->bwb_id[0] || !ncin)
			continue;
		hit = bsearch(&key, cins, ncin, sizeof *cins, cin_cmp);
		if (!hit)
			continue;
		while (hit > cins && !strcmp(hit[-1].id, key.id))
			hit--;
		for (; hit < cins + ncin && !strcmp(hit->id, key.id); hit++)
			v[i]->cit_in += hit->count;
	}

	/* percentile ranks against the latest versions */
	if (!(vals = malloc((nl ? nl : 1) * sizeof *vals)))
		goto out;
	for (int m = 0; m < 6; m++) {
		for (size_t i = 0; i < nl; i++)
			vals[i] = measure(latest[i], m);
		qsort(vals, nl, sizeof *vals, dbl_cmp);
		for (size_t i = 0; i < k; i++) {
			double x = measure(v[i], m);
			size_t lo = 0, hi = nl, less, le;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (vals[mid] < x) lo = mid + 1; else hi = mid;
			}
			less = lo;
			hi = nl;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (vals[mid] <= x) lo = mid + 1; else hi = mid;
			}
			le = lo;
			v[i]->pct[m] = nl ? (less + 0.5 * (double)(le - less)) / (double)nl : 0;
		}
	}
	for (size_t i = 0; i < k; i++) {
		double s = 0;
		for (int m = 0; m < 6; m++)
			s += v[i]->pct[m];
		v[i]->composite = s / 6;
		v[i]->rank = 0;
	}
	qsort(latest, nl, sizeof *latest, composite_cmp);
	for (size_t i = 0; i < nl; i++)
		latest[i]->rank = i + 1;

	/* duplicated phrases: sampled n-grams in two or more regulations */
	if (!dup_grams(v, group, k))
		goto out;
	st = BG_OK;
out:
	free(v);
	free(latest);
	free(group);
	free(cins);
	free(vals);
	return st;
}
void bg_cx_doc_free(bg_cx_doc *d)
{
	if (d)
		d->grams = NULL;   /* the memory is the pool's */
}
