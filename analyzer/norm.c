/*
 * norm.c -- Dutch text normalisation: ICU word boundaries (UAX #29, nl),
 * utf8proc folding (NFC, case fold, diacritics stripped), Snowball Dutch
 * stemming.
 *
 * ICU walks the UTF-8 text through a UText, so break positions are byte
 * offsets into the source and no UTF-16 copy is made.  Folding takes a fast
 * path for ASCII words (most of the law text) and hands anything else to
 * utf8proc_map.  The stemmer is Snowball's "dutch" algorithm from
 * libstemmer, the one the Snowball project publishes for Dutch.
 *
 * Two shortcuts keep the whole-corpus passes near the cost of reading the
 * XML, and neither changes a result:
 *   - ASCII runs skip ICU.  Text is cut where a space is followed by an
 *     ASCII character that is not a space: UAX #29 always breaks there
 *     (only WB3d joins spaces, and only to spaces; WB4 only attaches
 *     Extend/Format, which are not ASCII) and no rule looks across it.  A
 *     piece that is all ASCII is segmented by ascii_words() below, which
 *     applies the UAX #29 rules that ASCII can reach (WB3-WB3d, WB5-WB13b,
 *     with ICU's exclusion of ':' from MidLetter); any other piece goes to
 *     ICU as before.  tests/unit/check_norm.c compares both paths on every
 *     paragraph of corpus files and on constructed edge cases.
 *   - Stems are cached per bg_norm (folded word -> stem): law text repeats
 *     a small vocabulary, and Snowball's stemmer is the dearest step.
 */
#include "norm.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <utf8proc.h>

/* The stem cache: open addressing over `slots` (a power of two), the
 * strings in `pool`; emptied when either fills up, so its size is bounded
 * whatever the input. */
#define STEM_SLOTS 65536u
#define STEM_SLOTS_FIRST 1024u
#define STEM_POOL_MAX (4u << 20)
#define STEM_WORD_MAX 64u

struct stem_slot {
	uint32_t hash;     /* 0: empty */
	uint32_t off;      /* key at pool + off, then its stem */
	uint16_t klen, vlen;
};

/* The memo of bg_norm_memo: token lists by text (hash, length, flags,
 * confirmed by a copy of the text), in an arena, up to MEMO_MAX bytes. */
struct memo_entry {
	uint64_t h;        /* 0: empty slot */
	size_t n;
	unsigned flags;
	char *text;        /* a copy of the text */
	bg_tok *v;
	size_t ntok;
	char *keys;
	size_t keys_len;
};

/* Room for the blocks of a few versions of a large law (a version of the
 * Wet OB 1968 takes about 2 MB), so that the versions that follow each
 * other find each other's blocks; past it the memo starts again, in
 * memory the allocator already has (a larger memo measured slower: every
 * byte of it is first touched, a page fault a page). */
#define MEMO_MAX ((size_t)8 << 20)

struct bg_norm {
	UBreakIterator *bi;
	struct sb_stemmer *stemmer;
	bg_buf word;   /* scratch: folded word */
	bool icu_only; /* tests: never take the ASCII path */
	struct stem_slot *slots;
	size_t nslots, nslots_used;
	bg_buf pool;
	bg_arena *memo;            /* NULL: no memo */
	struct memo_entry *mtab;   /* open addressing, mcap a power of two */
	size_t mcap, mused, mbytes;
};

bg_norm *bg_norm_new(void)
{
	UErrorCode err = U_ZERO_ERROR;
	bg_norm *nm = calloc(1, sizeof *nm);

	if (!nm)
		return NULL;
	nm->bi = ubrk_open(UBRK_WORD, "nl", NULL, 0, &err);
	nm->stemmer = sb_stemmer_new("dutch", "UTF_8");
	bg_buf_init(&nm->word);
	bg_buf_init(&nm->pool);
	nm->nslots = STEM_SLOTS_FIRST;   /* grows: short commands stay small */
	nm->slots = calloc(nm->nslots, sizeof *nm->slots);
	if (U_FAILURE(err) || !nm->bi || !nm->stemmer || !nm->slots) {
		bg_norm_free(nm);
		return NULL;
	}
	return nm;
}

void bg_norm_free(bg_norm *nm)
{
	if (!nm)
		return;
	if (nm->bi)
		ubrk_close(nm->bi);
	if (nm->stemmer)
		sb_stemmer_delete(nm->stemmer);
	bg_buf_release(&nm->word);
	bg_buf_release(&nm->pool);
	free(nm->slots);
	bg_norm_memo(nm, false);
	free(nm);
}

static void memo_clear(bg_norm *nm)
{
	bg_arena_free(nm->memo);
	nm->memo = NULL;
	free(nm->mtab);
	nm->mtab = NULL;
	nm->mcap = nm->mused = nm->mbytes = 0;
}

void bg_norm_memo(bg_norm *nm, bool on)
{
	if (!on)
		memo_clear(nm);
	else if (!nm->memo)
		nm->memo = bg_arena_new();   /* NULL: simply no memo */
}

static size_t memo_slot(const bg_norm *nm, uint64_t h, const char *s, size_t n, unsigned flags)
{
	size_t i;

	for (i = (size_t)(h ^ flags) & (nm->mcap - 1);
	     nm->mtab[i].h && !(nm->mtab[i].h == h && nm->mtab[i].n == n &&
				nm->mtab[i].flags == flags && !memcmp(nm->mtab[i].text, s, n));
	     i = (i + 1) & (nm->mcap - 1))
		;
	return i;
}

/* Copies a remembered list into out; false when there is none. */
static bool memo_get(bg_norm *nm, uint64_t h, const char *s, size_t n, unsigned flags,
		     bg_toklist *out)
{
	const struct memo_entry *e;

	if (!nm->mtab)
		return false;
	e = &nm->mtab[memo_slot(nm, h, s, n, flags)];
	if (!e->h)
		return false;
	if (e->ntok > out->alloc) {
		bg_tok *v = realloc(out->v, e->ntok * sizeof *v);
		if (!v)
			return false;
		out->v = v;
		out->alloc = e->ntok;
	}
	if (e->ntok)
		memcpy(out->v, e->v, e->ntok * sizeof *e->v);
	out->n = e->ntok;
	bg_buf_clear(&out->keys);
	bg_buf_add(&out->keys, e->keys, e->keys_len);
	return true;
}

/* Remembers out as the list of (s, n, flags); quietly gives up when out
 * of memory (the memo is only a shortcut). */
static void memo_put(bg_norm *nm, uint64_t h, const char *s, size_t n, unsigned flags,
		     const bg_toklist *out)
{
	struct memo_entry *e;
	size_t i, need = n + 1 + out->keys.len + 1 + out->n * sizeof *e->v;

	if (nm->mbytes + need > MEMO_MAX) {
		memo_clear(nm);
		if (need > MEMO_MAX / 4 || !(nm->memo = bg_arena_new()))
			return;
	}
	if (nm->mused + 1 > nm->mcap / 2) {
		size_t ncap = nm->mcap ? nm->mcap * 2 : 1024;
		struct memo_entry *old = nm->mtab, *t = calloc(ncap, sizeof *t);
		size_t ocap = nm->mcap;
		if (!t)
			return;
		nm->mtab = t;
		nm->mcap = ncap;
		for (size_t k = 0; k < ocap; k++)
			if (old[k].h)
				nm->mtab[memo_slot(nm, old[k].h, old[k].text, old[k].n, old[k].flags)] =
					old[k];
		free(old);
	}
	i = memo_slot(nm, h, s, n, flags);
	e = &nm->mtab[i];
	if (e->h)
		return;   /* (memo_get found none: not reached) */
	e->v = bg_arena_alloc_raw(nm->memo, (out->n ? out->n : 1) * sizeof *e->v);
	e->keys = bg_arena_alloc_raw(nm->memo, out->keys.len + 1);
	e->text = bg_arena_strndup(nm->memo, s, n);
	if (!e->v || !e->keys || !e->text)
		return;
	if (out->n)
		memcpy(e->v, out->v, out->n * sizeof *e->v);
	memcpy(e->keys, out->keys.s, out->keys.len + 1);
	e->ntok = out->n;
	e->keys_len = out->keys.len;
	e->n = n;
	e->flags = flags;
	e->h = h;
	nm->mused++;
	nm->mbytes += need;
}

void bg_norm_set_icu_only(bg_norm *nm, bool on)
{
	nm->icu_only = on;
}

static bool is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static unsigned char lower_ascii(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

bg_status bg_norm_fold(const char *s, size_t n, unsigned flags, bg_buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r;
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				UTF8PROC_IGNORE;

	if (is_ascii(s, n)) {
		size_t at = out->len;
		bg_buf_add(out, s, n);
		if (!bg_buf_ok(out))
			return BG_ERR_NOMEM;
		for (size_t i = at; i < out->len; i++)
			out->s[i] = (char)lower_ascii((unsigned char)out->s[i]);
		return BG_OK;
	}
	if (!(flags & BG_NORM_KEEP_MARKS))
		opt |= UTF8PROC_STRIPMARK;
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst, opt);
	if (r < 0) {
		/* invalid UTF-8 cannot come from the reader; keep the bytes */
		bg_buf_add(out, s, n);
		return BG_ERR_FORMAT;
	}
	bg_buf_add(out, (const char *)dst, (size_t)r);
	free(dst);
	return bg_buf_ok(out) ? BG_OK : BG_ERR_NOMEM;
}

static bool ends_with(const char *w, size_t n, const char *suf, size_t *cut)
{
	size_t k = strlen(suf);

	if (n < k || memcmp(w + n - k, suf, k))
		return false;
	*cut = k;
	return true;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/*
 * Snowball's Dutch stemmer leaves diminutives alone ("partnertje" ->
 * "partnertj"), so they are undone first: -etje(s) after a doubled
 * consonant, -tje(s), -pje(s) after m, -kje(s) after n, and -je(s) after
 * another consonant, keeping at least three letters.  Applied the same
 * way to terms and text, an occasional non-diminutive "-je" word is cut
 * consistently and still matches itself.
 */
#define NG_FLAG ((size_t)1 << (sizeof(size_t) * 8 - 1))

static size_t undo_diminutive(const char *w, size_t n)
{
	size_t cut = 0, m;

	if (n < 6)
		return n;
	m = n;
	if (w[m - 1] == 's')
		m--;
	if (m < 5 || w[m - 2] != 'j' || w[m - 1] != 'e')
		return n;
	if (ends_with(w, m, "etje", &cut) && m - cut >= 3 &&
	    w[m - cut - 1] == w[m - cut - 2] && !is_vowel(w[m - cut - 1]))
		return m - cut - 1; /* balletje -> bal */
	if (ends_with(w, m, "tje", &cut) && m - cut >= 3)
		return m - cut;
	if (ends_with(w, m, "pje", &cut) && w[m - cut - 1] == 'm')
		return m - cut;
	if (ends_with(w, m, "kje", &cut) && w[m - cut - 1] == 'n')
		return (m - cut) | NG_FLAG; /* woninkje -> woning */
	if (m - 2 >= 3 && !is_vowel(w[m - 3]) && w[m - 3] != 'i')
		return m - 2; /* huisje -> huis */
	return n;
}

static void stem_uncached(bg_norm *nm, const char *w, size_t n, bg_buf *out)
{
	const sb_symbol *st;
	char tmp[256];

	n = undo_diminutive(w, n);
	if ((n & NG_FLAG) && (n & ~NG_FLAG) < sizeof tmp - 1) {
		/* "-inkje": the diminutive of "-ing" */
		n &= ~NG_FLAG;
		memcpy(tmp, w, n);
		tmp[n - 1] = 'n';
		tmp[n++] = 'g';
		w = tmp;
	}
	n &= ~NG_FLAG;
	/* Snowball removes either the plural -s or the -en ending, never
	 * both: "inkomens" -> "inkomen" but "inkomen" -> "inkom".  Dropping
	 * the -s of "-ens" first makes the plural meet its singular. */
	if (n > 5 && w[n - 1] == 's' && w[n - 2] == 'n' && w[n - 3] == 'e')
		n--;
	st = sb_stemmer_stem(nm->stemmer, (const sb_symbol *)w, (int)n);

	if (!st) {
		bg_buf_add(out, w, n);
		return;
	}
	bg_buf_add(out, (const char *)st, (size_t)sb_stemmer_length(nm->stemmer));
}

void bg_norm_stem_fresh(bg_norm *nm, const char *w, size_t n, bg_buf *out)
{
	stem_uncached(nm, w, n, out);
}

/* ------------------------------------------------------ stem starts */

size_t bg_norm_stem_prefix(const char *stem, size_t n)
{
	if (n >= 4 && !memcmp(stem + n - 4, "heid", 4))
		return n - 2;   /* "-heden" -> "-heid" */
	return n ? n - 1 : 0;
}

struct stemprefix {
	char *s;
	size_t n;
};

struct bg_stemstarts {
	struct stemprefix *v;   /* the prefixes, by their first byte (at) */
	size_t n, alloc;
	uint32_t at[129];    /* prefixes starting with ASCII c: v[at[c] .. at[c + 1]) */
	/* pair[c][d / 64] bit d % 64: a prefix starts with c, then d (ASCII),
	 * or with c alone, or with c and a non-ASCII byte (then every d) */
	uint64_t pair[128][2];
	unsigned char kind[256];   /* B_* of each byte */
	bool all;            /* an empty prefix: any text may hold a word */
	bool wide;           /* a prefix starts with a non-ASCII byte */
};

/* The bytes for bg_stemstarts_maybe: B_J the ASCII bytes that join their
 * neighbours into one word, letters, digits, '_' and '@' (ascii_words;
 * ICU's rules join the same ones); B_L the lead bytes of non-ASCII
 * characters, B_C their continuation bytes. */
enum { B_OTHER, B_J, B_L, B_C };

bg_stemstarts *bg_stemstarts_new(void)
{
	bg_stemstarts *s = calloc(1, sizeof(bg_stemstarts));

	if (!s)
		return NULL;
	for (unsigned c = 0; c < 256; c++)
		s->kind[c] = c >= 0xc0 ? B_L : c >= 0x80 ? B_C :
			     ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9') ||
			     c == '_' || c == '@' ? B_J : B_OTHER;
	return s;
}

void bg_stemstarts_free(bg_stemstarts *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].s);
	free(s->v);
	free(s);
}

bool bg_stemstarts_add(bg_stemstarts *s, const char *stem, size_t n)
{
	size_t m = bg_norm_stem_prefix(stem, n), i;
	unsigned char c;
	char *p;

	if (!m) {
		s->all = true;
		return true;
	}
	if (!(p = malloc(m)))
		return false;
	for (i = 0; i < m; i++)
		p[i] = (char)lower_ascii((unsigned char)stem[i]);
	for (i = 0; i < s->n; i++)
		if (s->v[i].n == m && !memcmp(s->v[i].s, p, m)) {
			free(p);
			return true;
		}
	if (s->n == s->alloc) {
		size_t na = s->alloc ? s->alloc * 2 : 32;
		struct stemprefix *v = realloc(s->v, na * sizeof *v);
		if (!v) {
			free(p);
			return false;
		}
		s->v = v;
		s->alloc = na;
	}
	c = (unsigned char)p[0];
	if (c >= 0x80) {
		s->wide = true;
	} else if (m < 2 || (unsigned char)p[1] >= 0x80) {
		s->pair[c][0] = s->pair[c][1] = ~(uint64_t)0;
	} else {
		unsigned char d = (unsigned char)p[1];
		s->pair[c][d / 64] |= (uint64_t)1 << (d % 64);
	}
	/* keep v ordered by first byte: insert after the last of its kind */
	for (i = s->n; i > 0 && (unsigned char)s->v[i - 1].s[0] > c; i--)
		s->v[i] = s->v[i - 1];
	s->v[i] = (struct stemprefix){ p, m };
	s->n++;
	for (unsigned b = 0, k = 0; b <= 128; b++) {
		while (k < s->n && (unsigned char)s->v[k].s[0] < b)
			k++;
		s->at[b] = (uint32_t)k;
	}
	return true;
}

/* Whether a word starting with the non-ASCII character at t can fold to
 * something that starts with ASCII, or to nothing (then the word starts
 * later). */
static bool wide_start(const unsigned char *t, size_t n)
{
	utf8proc_int32_t cp, d[8];
	utf8proc_ssize_t k = utf8proc_iterate(t, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp);
	int bc = 0;

	if (k <= 0)
		return true;
	k = utf8proc_decompose_char(cp, d, 8, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				    UTF8PROC_IGNORE | UTF8PROC_STRIPMARK, &bc);
	return k <= 0 || k > 8 || d[0] < 0x80;
}

/* Whether the prefix p[0..m), whose first byte matched, goes on at t[1..),
 * or a non-ASCII byte leaves it open. */
static bool prefix_here(const unsigned char *t, size_t n, const char *p, size_t m)
{
	for (size_t j = 1; j < m; j++) {
		if (j >= n)
			return false;
		if (t[j] >= 0x80)
			return true;
		if (lower_ascii(t[j]) != (unsigned char)p[j])
			return false;
	}
	return true;
}

bool bg_stemstarts_maybe(const bg_stemstarts *s, const char *text, size_t n)
{
	const unsigned char *t = (const unsigned char *)text;

	if (s->all)
		return true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = t[i], d;
		switch (s->kind[c]) {
		case B_OTHER:
		case B_C:
			continue;
		case B_L:
			/* a lead byte after a letter is inside that word */
			if ((!i || s->kind[t[i - 1]] != B_J) && (s->wide || wide_start(t + i, n - i)))
				return true;
			continue;
		}
		/* a word starts at i: test it, then skip to its end */
		c = lower_ascii(c);
		d = i + 1 < n ? lower_ascii(t[i + 1]) : 0;
		if (d >= 0x80 || (s->pair[c][d / 64] >> (d % 64) & 1))
			for (uint32_t k = s->at[c]; k < s->at[c + 1]; k++)
				if (prefix_here(t + i, n - i, s->v[k].s, s->v[k].n))
					return true;
		while (i + 1 < n && s->kind[t[i + 1]] == B_J)
			i++;
	}
	return false;
}

/* bg_word_hash, never 0: 0 marks an empty slot. */
static uint32_t word_hash(const char *w, size_t n)
{
	uint32_t h = bg_word_hash(w, n);

	return h ? h : 1;
}

/* The slot of (h, w[0..n)): its entry, or the empty slot it would take. */
static uint32_t stem_find(const bg_norm *nm, uint32_t h, const char *w, size_t n)
{
	uint32_t mask = (uint32_t)nm->nslots - 1, i;

	for (i = h & mask; nm->slots[i].hash; i = (i + 1) & mask) {
		const struct stem_slot *e = &nm->slots[i];
		if (e->hash == h && e->klen == n && !memcmp(nm->pool.s + e->off, w, n))
			break;
	}
	return i;
}

/* Doubles the table (up to STEM_SLOTS); false when it cannot grow. */
static bool stem_grow(bg_norm *nm)
{
	size_t ncap = nm->nslots * 2;
	struct stem_slot *old = nm->slots, *t;
	uint32_t mask = (uint32_t)ncap - 1;

	if (ncap > STEM_SLOTS || !(t = calloc(ncap, sizeof *t)))
		return false;
	for (size_t k = 0; k < nm->nslots; k++) {
		uint32_t i;
		if (!old[k].hash)
			continue;
		for (i = old[k].hash & mask; t[i].hash; i = (i + 1) & mask)
			;
		t[i] = old[k];
	}
	free(old);
	nm->slots = t;
	nm->nslots = ncap;
	return true;
}

void bg_norm_stem(bg_norm *nm, const char *w, size_t n, bg_buf *out)
{
	uint32_t h, i;
	size_t start;

	if (n > STEM_WORD_MAX) {
		stem_uncached(nm, w, n, out);
		return;
	}
	h = word_hash(w, n);
	i = stem_find(nm, h, w, n);
	if (nm->slots[i].hash) {
		const struct stem_slot *e = &nm->slots[i];
		bg_buf_add(out, nm->pool.s + e->off + e->klen, e->vlen);
		return;
	}
	start = out->len;
	stem_uncached(nm, w, n, out);
	if (!bg_buf_ok(out) || out->len - start > STEM_WORD_MAX * 2)
		return;
	if (nm->nslots_used + 1 > nm->nslots / 2 && stem_grow(nm)) {
		i = stem_find(nm, h, w, n);
	} else if (nm->nslots_used + 1 > nm->nslots / 2 || nm->pool.len >= STEM_POOL_MAX ||
		   !bg_buf_ok(&nm->pool)) {
		/* full: start again (the slot found above is stale) */
		memset(nm->slots, 0, nm->nslots * sizeof *nm->slots);
		nm->nslots_used = 0;
		bg_buf_release(&nm->pool);
		bg_buf_init(&nm->pool);
		i = stem_find(nm, h, w, n);
	}
	nm->slots[i] = (struct stem_slot){ h, (uint32_t)nm->pool.len, (uint16_t)n,
					   (uint16_t)(out->len - start) };
	bg_buf_add(&nm->pool, w, n);
	bg_buf_add(&nm->pool, out->s + start, out->len - start);
	if (!bg_buf_ok(&nm->pool)) {
		nm->slots[i].hash = 0;
		return;
	}
	nm->nslots_used++;
}

static bool push_tok(bg_toklist *l, size_t start, size_t len, size_t key_off)
{
	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 64;
		bg_tok *v = realloc(l->v, na * sizeof *v);
		if (!v)
			return false;
		l->v = v;
		l->alloc = na;
	}
	l->v[l->n].start = (uint32_t)start;
	l->v[l->n].len = (uint32_t)len;
	l->v[l->n].key_off = (uint32_t)key_off;
	l->v[l->n].key_len = (uint32_t)(l->keys.len - key_off);
	l->n++;
	bg_buf_addc(&l->keys, '\0');
	return true;
}

/* Appends one segment [start, start+len) of s as a token when `flags`
 * want it; kind: 2 letters (ICU status UBRK_WORD_LETTER and up), 1 a
 * number (UBRK_WORD_NUMBER), 0 spaces and punctuation. */
static bool emit(bg_norm *nm, const char *s, size_t start, size_t len, int kind,
		 unsigned flags, bg_toklist *out)
{
	const char *w = s + start;
	size_t key_off = out->keys.len;

	if (kind == 0) {
		if ((flags & BG_NORM_PUNCT) && len && !(w[0] == ' ' || w[0] == '\n' ||
							 w[0] == '\t' || w[0] == '\r')) {
			bg_buf_add(&out->keys, w, len);
			return push_tok(out, start, len, key_off);
		}
		return true;
	}
	if (kind == 1 && !(flags & BG_NORM_NUMBERS))
		return true;
	if (kind == 2 && (flags & BG_NORM_STEM) && len <= STEM_WORD_MAX && is_ascii(w, len)) {
		char low[STEM_WORD_MAX];   /* the common case: fold in place */
		for (size_t i = 0; i < len; i++)
			low[i] = (char)lower_ascii((unsigned char)w[i]);
		bg_norm_stem(nm, low, len, &out->keys);
	} else if (kind == 2 && (flags & BG_NORM_STEM)) {
		bg_buf_clear(&nm->word);
		bg_norm_fold(w, len, flags, &nm->word);
		bg_norm_stem(nm, nm->word.s, nm->word.len, &out->keys);
	} else {
		bg_norm_fold(w, len, flags, &out->keys);
	}
	return push_tok(out, start, len, key_off);
}

/* ICU over s[a..b): positions stay offsets into s. */
static bg_status icu_words(bg_norm *nm, const char *s, size_t a, size_t b, unsigned flags,
			   bg_toklist *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut;
	int32_t start, end;
	bg_status rc = BG_OK;

	ut = utext_openUTF8(NULL, s + a, (int64_t)(b - a), &err);
	if (U_FAILURE(err))
		return BG_ERR_FORMAT;
	ubrk_setUText(nm->bi, ut, &err);
	if (U_FAILURE(err)) {
		utext_close(ut);
		return BG_ERR_FORMAT;
	}
	start = ubrk_first(nm->bi);
	for (end = ubrk_next(nm->bi); end != UBRK_DONE; start = end, end = ubrk_next(nm->bi)) {
		int32_t status = ubrk_getRuleStatus(nm->bi);
		int kind = status >= UBRK_WORD_LETTER ? 2 :
			   status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT ? 1 : 0;
		if (!emit(nm, s, a + (size_t)start, (size_t)(end - start), kind, flags, out)) {
			rc = BG_ERR_NOMEM;
			break;
		}
	}
	/* detach the iterator from the text before it goes away */
	err = U_ZERO_ERROR;
	ubrk_setText(nm->bi, NULL, 0, &err);
	utext_close(ut);
	return rc;
}

/* UAX #29 word classes of ASCII, as ICU 72's word rules use them. */
enum { W_OTHER, W_LETTER, W_DIGIT, W_ENL, W_MIDNUMLET, W_MIDNUM, W_SPACE, W_CR, W_NL };

static int wclass(unsigned char c)
{
	if (((c | 32) >= 'a' && (c | 32) <= 'z') || c == '@')
		return W_LETTER;   /* ICU adds '@' to ALetter (e-mail addresses) */
	if (c >= '0' && c <= '9')
		return W_DIGIT;
	switch (c) {
	case '_': return W_ENL;
	case '.': case '\'': return W_MIDNUMLET;
	case ',': case ';': return W_MIDNUM;
	case ' ': return W_SPACE;
	case '\r': return W_CR;
	case '\n': case '\v': case '\f': return W_NL;
	default: return W_OTHER;   /* ':' too: ICU drops it from MidLetter */
	}
}

/* ICU's status of a word is the tag of the last rule that joined it
 * (probed on ICU 72; the unit test holds the two paths together): joining
 * a letter tags it 200, joining a digit 100 (also after a letter), joining
 * '_' 200 after a letter or '_' and 100 after a digit.  One character
 * alone: a letter 200, a digit 100, '_' none. */
static int join_kind(int last, int d)
{
	if (d == W_LETTER)
		return 2;
	if (d == W_DIGIT)
		return 1;
	return last == W_DIGIT ? 1 : 2;
}

/* Segments the ASCII text s[a..b) as ICU would. */
static bool ascii_words(bg_norm *nm, const char *s, size_t a, size_t b, unsigned flags,
			bg_toklist *out)
{
	size_t i = a;

	while (i < b) {
		int c = wclass((unsigned char)s[i]);
		size_t j = i + 1;
		int kind = 0;

		if (c == W_LETTER || c == W_DIGIT || c == W_ENL) {
			/* WB5, WB8-WB10, WB13a/b join letters, digits and '_';
			 * WB6/7 a '.' or '\'' between letters; WB11/12 a
			 * '.', '\'', ',' or ';' between digits */
			int last = c;
			kind = c == W_LETTER ? 2 : c == W_DIGIT ? 1 : 0;
			for (;;) {
				int d = j < b ? wclass((unsigned char)s[j]) : W_OTHER;
				if (d == W_LETTER || d == W_DIGIT || d == W_ENL) {
					kind = join_kind(last, d);
					last = d;
					j++;
					continue;
				}
				if ((d == W_MIDNUMLET || d == W_MIDNUM) && j + 1 < b) {
					int e = wclass((unsigned char)s[j + 1]);
					if ((last == W_LETTER && e == W_LETTER && d == W_MIDNUMLET) ||
					    (last == W_DIGIT && e == W_DIGIT)) {
						kind = e == W_LETTER ? 2 : 1;
						last = e;
						j += 2;
						continue;
					}
				}
				break;
			}
		} else if (c == W_SPACE) {
			while (j < b && s[j] == ' ')
				j++;   /* WB3d */
		} else if (c == W_CR && j < b && s[j] == '\n') {
			j++;           /* WB3 */
		}
		if (!emit(nm, s, i, j - i, kind, flags, out))
			return false;
		i = j;
	}
	return true;
}

bg_status bg_norm_tokens(bg_norm *nm, const char *s, size_t n, unsigned flags,
			 bg_toklist *out)
{
	size_t a = 0;
	bg_status rc = BG_OK;
	uint64_t h = 0;

	out->n = 0;
	bg_buf_clear(&out->keys);
	if (n > UINT32_MAX / 2)
		return BG_ERR_LIMIT;
	if (nm->memo) {
		h = bg_hash_bytes(s, n);
		if (memo_get(nm, h, s, n, flags, out))
			return bg_buf_ok(&out->keys) ? BG_OK : BG_ERR_NOMEM;
	}
	if (nm->icu_only) {
		rc = icu_words(nm, s, 0, n, flags, out);
		goto done;
	}
	/* pieces end where a space is followed by ASCII that is no space:
	 * a boundary in any text (see the top of this file) */
	while (a < n && rc == BG_OK) {
		size_t b = a;
		bool ascii = true;
		while (b < n) {
			unsigned char ch = (unsigned char)s[b++];
			if (ch >= 0x80)
				ascii = false;
			else if (ch == ' ' && b < n && s[b] != ' ' && (unsigned char)s[b] < 0x80)
				break;
		}
		if (ascii)
			rc = ascii_words(nm, s, a, b, flags, out) ? BG_OK : BG_ERR_NOMEM;
		else
			rc = icu_words(nm, s, a, b, flags, out);
		a = b;
	}
done:
	if (rc == BG_OK && !bg_buf_ok(&out->keys))
		rc = BG_ERR_NOMEM;
	if (rc == BG_OK && nm->memo)
		memo_put(nm, h, s, n, flags, out);
	return rc;
}

void bg_toklist_release(bg_toklist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
	bg_buf_release(&l->keys);
}

bg_status bg_norm_key(bg_norm *nm, const char *s, size_t n, unsigned flags,
		      bg_buf *out)
{
	bg_toklist l = BG_TOKLIST_INIT;
	bg_status st = bg_norm_tokens(nm, s, n, flags & ~(unsigned)BG_NORM_PUNCT, &l);

	for (size_t i = 0; st == BG_OK && i < l.n; i++) {
		if (i)
			bg_buf_addc(out, ' ');
		bg_buf_add(out, bg_tok_key(&l, i), l.v[i].key_len);
	}
	bg_toklist_release(&l);
	if (st == BG_OK && !bg_buf_ok(out))
		st = BG_ERR_NOMEM;
	return st;
}
