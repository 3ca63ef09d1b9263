/*
 * lexicon.c -- loads the concept lexicon (format: lexicon/README.md).
 *
 * The file is line oriented: "[kind ARG]" opens a block, "key: value"
 * lines fill it, "#" starts a comment, "include FILE" reads another file
 * relative to the including one.  Variants are normalised here, once, with
 * the same bg_norm pipeline (utf8proc fold, ICU words, Snowball stems) the
 * extractor applies to terms, so that "partners", "partnertje" and
 * "Partner" all meet "partner".  Trigger patterns are TRE extended regular
 * expressions (TRE's "{~N}" marks approximate parts) compiled once -- at
 * load, or by a lazy lexicon at first use -- and shared read-only by the
 * worker threads.
 */
#include "lexicon.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <tre/tre.h>

#define MAX_INCLUDE_DEPTH 4

struct concept {
	const char *id, *label, *note, *broader;
	const char **variants, **keys;
	const char **plural_keys; /* key of variant + "s" when it differs, else NULL */
	size_t nvar, avar;
	/* compound heads (`compound:` lines): one-word keys that name the
	 * concept as the last part of a word ("eenpersoonshuishouden") */
	const char **compound_keys;
	size_t ncomp, acomp;
};

/* A pattern compiled once, when the lexicon is loaded or (a lazy
 * lexicon) when it is first used; `state` is published with release
 * order after the regex is written, so that a thread that reads it with
 * acquire order sees a complete regex. */
enum { RE_PENDING = 0, RE_OK, RE_BAD };

struct trigger {
	bg_trigger pub;      /* first: bg_trigger_regex finds the trigger */
	regex_t re;
	regex_t quick;       /* the same pattern without submatches (REG_NOSUB) */
	atomic_int qstate;   /* of quick, as state of re */
	atomic_int state;
	bg_trigger_form form;
	bg_lexicon *lex;
	const char *file;    /* where the pattern is written, for errors */
	unsigned line;
};

struct abbrev {
	const char *name, *bwb;
};

struct framework {
	regex_t re;
	atomic_int state;
	const char *file;
	unsigned line;
	const char *bwb, *pattern, *require;
	const char **concepts;
	size_t nconc;
};

struct bg_lexicon {
	bg_arena *arena;
	bg_norm *nm;           /* only while loading */
	bool own_nm;           /* nm is the lexicon's (else the caller's) */
	bool lazy;             /* patterns compiled on first use */
	pthread_mutex_t compile_lock;
	struct concept *c;
	size_t nc, ac;
	struct trigger *t[BG_TRIG__COUNT];
	size_t nt[BG_TRIG__COUNT], at[BG_TRIG__COUNT];
	struct abbrev *ab;
	size_t nab, aab;
	struct framework *fw;
	size_t nfw, afw;
	/* the block being filled */
	enum { B_NONE, B_CONCEPT, B_TRIGGER, B_ABBREV, B_FRAMEWORK } block;
	bg_trigger_form form;
	const char *block_arg;
	/* a trigger's settings wait for its "pattern:" line */
	int pending_cost, pending_group;
	bool pending_only;
	bool pending_defined;
	const char *pending_require;
	const char **pending_concepts;
	size_t pending_nconc;
};

static const char *const form_names[BG_TRIG__COUNT] = {
	[BG_TRIG_LIST] = "list",
	[BG_TRIG_INLINE] = "inline",
	[BG_TRIG_NEGATIVE] = "negative",
	[BG_TRIG_SAME_MEANING] = "same-meaning",
	[BG_TRIG_MODIFIER] = "modifier",
	[BG_TRIG_SCOPE_REGULATION] = "scope-regulation",
	[BG_TRIG_SCOPE_CONTAINER] = "scope-container",
	[BG_TRIG_SCOPE_ARTICLE] = "scope-article",
	[BG_TRIG_SCOPE_LID] = "scope-lid",
	[BG_TRIG_NOT_DEFINITION] = "not-definition",
	[BG_TRIG_RESTRICTION] = "restriction",
	[BG_TRIG_REFERENCE] = "reference",
};

const char *bg_lexicon_default_path(void)
{
	const char *e = getenv("BEGRIP_LEXICON");

	return e && *e ? e : "lexicon/concepts.txt";
}

/* Grows an array of n elements of size sz to hold one more. */
static bool grow(void **v, size_t *alloc, size_t n, size_t sz)
{
	void *p;
	size_t na;

	if (n < *alloc)
		return true;
	na = *alloc ? *alloc * 2 : 8;
	p = realloc(*v, na * sz);
	if (!p)
		return false;
	*v = p;
	*alloc = na;
	return true;
}

static char *trim(char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
		(*n)--;
	return s;
}

static bg_status fail(bg_diag *d, const char *name, unsigned line, const char *msg,
		      const char *arg)
{
	bg_diag_set(d, BG_ERR_FORMAT, name, line, 0, "%s%s%s", msg, arg ? ": " : "",
		    arg ? arg : "");
	return BG_ERR_FORMAT;
}

/* The stemmed key of v[0..n) in the arena (*k); BG_ERR_FORMAT when it
 * has no words. */
static bg_status stem_key(bg_lexicon *lex, const char *v, size_t n, char **k)
{
	bg_buf key = BG_BUF_INIT;
	bg_status st = BG_OK;

	if (bg_norm_key(lex->nm, v, n, BG_NORM_STEM, &key) != BG_OK)
		st = BG_ERR_NOMEM;
	else if (!key.len)
		st = BG_ERR_FORMAT;
	else if (!(*k = bg_arena_strndup(lex->arena, key.s, key.len)))
		st = BG_ERR_NOMEM;
	bg_buf_release(&key);
	return st;
}

/* A `compound:` line: the stemmed key of one word. */
static bg_status add_compound(bg_lexicon *lex, struct concept *c, const char *v, size_t n)
{
	char *k;
	bg_status st = stem_key(lex, v, n, &k);

	if (st != BG_OK)
		return st;
	if (strchr(k, ' '))
		return BG_ERR_FORMAT;
	if (!grow((void **)&c->compound_keys, &c->acomp, c->ncomp, sizeof *c->compound_keys))
		return BG_ERR_NOMEM;
	c->compound_keys[c->ncomp++] = k;
	return BG_OK;
}

static bg_status add_variant(bg_lexicon *lex, struct concept *c, const char *v, size_t n)
{
	char *dup, *k;
	bg_status st = stem_key(lex, v, n, &k);

	if (st != BG_OK)
		return st;
	if (!(dup = bg_arena_strndup(lex->arena, v, n)))
		return BG_ERR_NOMEM;
	if (!grow((void **)&c->variants, &c->avar, c->nvar, sizeof *c->variants))
		return BG_ERR_NOMEM;
	{
		/* keys run parallel to variants, with the same capacity */
		const char **nk = realloc(c->keys, c->avar * sizeof *nk);
		if (!nk)
			return BG_ERR_NOMEM;
		c->keys = nk;
		nk = realloc(c->plural_keys, c->avar * sizeof *nk);
		if (!nk)
			return BG_ERR_NOMEM;
		c->plural_keys = nk;
	}
	c->variants[c->nvar] = dup;
	c->keys[c->nvar] = k;
	c->plural_keys[c->nvar] = NULL;
	/* Snowball's Dutch stemmer takes "-en" off "inkomen" but only "-s"
	 * off "inkomens": keep the key of the "-s" plural too, so that
	 * plurals need no variant line of their own */
	{
		bg_buf pl = BG_BUF_INIT, pk = BG_BUF_INIT;
		bg_buf_add(&pl, v, n);
		bg_buf_addc(&pl, 's');
		if (bg_buf_ok(&pl) && bg_norm_key(lex->nm, pl.s, pl.len, BG_NORM_STEM, &pk) == BG_OK &&
		    pk.len && strcmp(pk.s, k)) {
			c->plural_keys[c->nvar] = bg_arena_strndup(lex->arena, pk.s, pk.len);
			if (!c->plural_keys[c->nvar]) {
				bg_buf_release(&pl);
				bg_buf_release(&pk);
				return BG_ERR_NOMEM;
			}
		}
		bg_buf_release(&pl);
		bg_buf_release(&pk);
	}
	c->nvar++;
	return BG_OK;
}

/* Compiles t's pattern and checks its term group against the groups the
 * pattern has; on failure the diagnostic goes to d.  At load, a group the
 * pattern lacks is cleared for the forms that name no term; at first use
 * (lazy) other threads may be reading term_group, so it is left: TRE
 * reports a group the pattern lacks as -1, which its users treat as none. */
static bg_status compile_trigger(struct trigger *t, bool at_load, bg_diag *d)
{
	bg_trigger_form f = t->form;
	int rc = tre_regncomp(&t->re, t->pub.pattern, strlen(t->pub.pattern), REG_EXTENDED);

	if (rc != REG_OK) {
		char err[128];
		tre_regerror(rc, &t->re, err, sizeof err);
		bg_diag_set(d, BG_ERR_FORMAT, t->file, t->line, 0, "bad trigger pattern (%s): %s",
			    err, t->pub.pattern);
		return BG_ERR_FORMAT;
	}
	if ((size_t)t->pub.term_group > t->re.re_nsub) {
		/* only forms that name a term need the group */
		if (f == BG_TRIG_INLINE || f == BG_TRIG_NEGATIVE || f == BG_TRIG_SAME_MEANING) {
			tre_regfree(&t->re);
			return fail(d, t->file, t->line, "term group beyond the groups of the pattern",
				    NULL);
		}
		if (at_load)
			t->pub.term_group = 0;
	}
	return BG_OK;
}

static bg_status add_trigger(bg_lexicon *lex, const char *pat, size_t n,
			     const char *name, unsigned line, bg_diag *d)
{
	bg_trigger_form f = lex->form;
	struct trigger *t;
	bg_status st;

	if (!grow((void **)&lex->t[f], &lex->at[f], lex->nt[f], sizeof **lex->t))
		return BG_ERR_NOMEM;
	t = &lex->t[f][lex->nt[f]];
	memset(t, 0, sizeof *t);
	t->pub.pattern = bg_arena_strndup(lex->arena, pat, n);
	t->file = bg_arena_strdup(lex->arena, name);
	if (!t->pub.pattern || !t->file)
		return BG_ERR_NOMEM;
	t->form = f;
	t->lex = lex;
	t->line = line;
	t->pub.term_group = lex->pending_group;
	t->pub.max_cost = lex->pending_cost;
	t->pub.lexicon_only = lex->pending_only;
	t->pub.defined_only = lex->pending_defined;
	t->pub.require = lex->pending_require;
	if (!lex->lazy) {
		if ((st = compile_trigger(t, true, d)) != BG_OK)
			return st;
		atomic_store_explicit(&t->state, RE_OK, memory_order_relaxed);
	}
	lex->nt[f]++;
	return BG_OK;
}

static bg_status open_block(bg_lexicon *lex, char *s, size_t n, const char *name,
			    unsigned line, bg_diag *d)
{
	char *kind, *arg;
	size_t kn, an;

	if (n < 2 || s[n - 1] != ']')
		return fail(d, name, line, "block header must end with ']'", NULL);
	s++;
	n -= 2;
	s = trim(s, &n);
	kind = s;
	for (kn = 0; kn < n && s[kn] != ' ' && s[kn] != '\t'; kn++)
		;
	arg = s + kn;
	an = n - kn;
	arg = trim(arg, &an);
	arg[an] = '\0';
	lex->pending_cost = 0;
	lex->pending_group = 1;
	lex->pending_only = false;
	lex->pending_defined = false;
	lex->pending_require = "";
	lex->pending_concepts = NULL;
	lex->pending_nconc = 0;
	lex->block_arg = bg_arena_strndup(lex->arena, arg, an);
	if (!lex->block_arg)
		return BG_ERR_NOMEM;
	if (kn == 7 && !memcmp(kind, "concept", 7)) {
		struct concept *c;
		if (!an)
			return fail(d, name, line, "[concept ID] needs an id", NULL);
		if (bg_lexicon_find(lex, arg) >= 0)
			return fail(d, name, line, "duplicate concept", arg);
		if (!grow((void **)&lex->c, &lex->ac, lex->nc, sizeof *lex->c))
			return BG_ERR_NOMEM;
		c = &lex->c[lex->nc++];
		memset(c, 0, sizeof *c);
		c->id = c->label = lex->block_arg;
		c->note = c->broader = "";
		lex->block = B_CONCEPT;
	} else if (kn == 7 && !memcmp(kind, "trigger", 7)) {
		int f;
		for (f = 0; f < BG_TRIG__COUNT; f++)
			if (!strcmp(arg, form_names[f]))
				break;
		if (f == BG_TRIG__COUNT)
			return fail(d, name, line, "unknown trigger form", arg);
		lex->form = (bg_trigger_form)f;
		lex->block = B_TRIGGER;
	} else if (kn == 12 && !memcmp(kind, "abbreviation", 12)) {
		if (!bg_is_bwb_id(arg))
			return fail(d, name, line, "[abbreviation BWB-ID] needs a BWB id", arg);
		lex->block = B_ABBREV;
	} else if (kn == 9 && !memcmp(kind, "framework", 9)) {
		if (!bg_is_bwb_id(arg))
			return fail(d, name, line, "[framework BWB-ID] needs a BWB id", arg);
		lex->block = B_FRAMEWORK;
	} else {
		kind[kn] = '\0';
		return fail(d, name, line, "unknown block kind", kind);
	}
	return BG_OK;
}

static bg_status add_framework(bg_lexicon *lex, const char *pat, size_t n,
			       const char *name, unsigned line, bg_diag *d)
{
	struct framework *fw;

	if (!grow((void **)&lex->fw, &lex->afw, lex->nfw, sizeof *lex->fw))
		return BG_ERR_NOMEM;
	fw = &lex->fw[lex->nfw];
	memset(fw, 0, sizeof *fw);
	fw->pattern = bg_arena_strndup(lex->arena, pat, n);
	fw->file = bg_arena_strdup(lex->arena, name);
	if (!fw->pattern || !fw->file)
		return BG_ERR_NOMEM;
	fw->line = line;
	if (!lex->lazy) {
		if (tre_regncomp(&fw->re, fw->pattern, n, REG_EXTENDED) != REG_OK)
			return fail(d, name, line, "bad framework pattern", NULL);
		atomic_store_explicit(&fw->state, RE_OK, memory_order_relaxed);
	}
	fw->require = lex->pending_require;
	fw->concepts = lex->pending_concepts;
	fw->nconc = lex->pending_nconc;
	lex->nfw++;
	fw->bwb = lex->block_arg;
	return BG_OK;
}

static bg_status set_concepts(bg_lexicon *lex, struct framework *fw, char *s, size_t n)
{
	size_t i = 0, count = 0;

	for (size_t k = 0; k < n; k++)
		if (s[k] != ' ' && (k == 0 || s[k - 1] == ' '))
			count++;
	fw->concepts = bg_arena_alloc(lex->arena, (count ? count : 1) * sizeof *fw->concepts);
	if (!fw->concepts)
		return BG_ERR_NOMEM;
	while (i < n) {
		size_t j;
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j > i) {
			fw->concepts[fw->nconc] = bg_arena_strndup(lex->arena, s + i, j - i);
			if (!fw->concepts[fw->nconc])
				return BG_ERR_NOMEM;
			fw->nconc++;
		}
		i = j;
	}
	return BG_OK;
}

static bg_status parse_text(bg_lexicon *lex, const char *text, size_t len,
			    const char *name, const char *dir, int depth, bg_diag *d);

static bg_status include_file(bg_lexicon *lex, const char *file, const char *dir,
			      int depth, const char *name, unsigned line, bg_diag *d)
{
	bg_buf path = BG_BUF_INIT, data = BG_BUF_INIT;
	char chunk[8192], *slash, *subdir;
	FILE *fp;
	size_t n;
	bg_status st;

	if (depth >= MAX_INCLUDE_DEPTH)
		return fail(d, name, line, "includes nested too deeply", file);
	if (dir && *dir && file[0] != '/')
		bg_buf_addf(&path, "%s/", dir);
	bg_buf_adds(&path, file);
	if (!bg_buf_ok(&path))
		return BG_ERR_NOMEM;
	fp = fopen(path.s, "rb");
	if (!fp) {
		bg_diag_set(d, BG_ERR_IO, name, line, 0, "cannot open %s: %s", path.s,
			    strerror(errno));
		bg_buf_release(&path);
		return BG_ERR_IO;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		bg_buf_add(&data, chunk, n);
	fclose(fp);
	subdir = strdup(path.s);
	if (!subdir || !bg_buf_ok(&data)) {
		free(subdir);
		bg_buf_release(&path);
		bg_buf_release(&data);
		return BG_ERR_NOMEM;
	}
	slash = strrchr(subdir, '/');
	if (slash)
		*slash = '\0';
	else
		subdir[0] = '\0';
	st = parse_text(lex, data.s, data.len, path.s, subdir, depth + 1, d);
	free(subdir);
	bg_buf_release(&path);
	bg_buf_release(&data);
	return st;
}

static bg_status parse_line(bg_lexicon *lex, char *s, size_t n, const char *name,
			    const char *dir, int depth, unsigned line, bg_diag *d)
{
	char *key, *val;
	size_t kn, vn;

	s = trim(s, &n);
	if (!n || s[0] == '#')
		return BG_OK;
	s[n] = '\0';
	if (s[0] == '[')
		return open_block(lex, s, n, name, line, d);
	if (n > 8 && !memcmp(s, "include ", 8)) {
		size_t fn = n - 8;
		char *f = trim(s + 8, &fn);
		f[fn] = '\0';
		return include_file(lex, f, dir, depth, name, line, d);
	}
	val = memchr(s, ':', n);
	if (!val)
		return fail(d, name, line, "expected 'key: value'", s);
	key = s;
	kn = (size_t)(val - s);
	key = trim(key, &kn);
	val++;
	vn = n - (size_t)(val - s);
	val = trim(val, &vn);
	key[kn] = '\0';
	val[vn] = '\0';
	if (!vn)
		return fail(d, name, line, "empty value", key);

	switch (lex->block) {
	case B_NONE:
		return fail(d, name, line, "line outside a block", key);
	case B_CONCEPT: {
		struct concept *c = &lex->c[lex->nc - 1];
		char *dup = bg_arena_strndup(lex->arena, val, vn);
		bg_status st;
		if (!dup)
			return BG_ERR_NOMEM;
		if (!strcmp(key, "label")) {
			c->label = dup;
			return BG_OK;
		}
		if (!strcmp(key, "note")) {
			c->note = dup;
			return BG_OK;
		}
		if (!strcmp(key, "broader")) {
			c->broader = dup;
			return BG_OK;
		}
		if (!strcmp(key, "compound")) {
			st = add_compound(lex, c, val, vn);
			if (st == BG_ERR_FORMAT)
				return fail(d, name, line, "compound wants one word", val);
			return st;
		}
		if (strcmp(key, "variant"))
			return fail(d, name, line, "unknown concept key", key);
		st = add_variant(lex, c, val, vn);
		if (st == BG_ERR_FORMAT)
			return fail(d, name, line, "variant has no words", val);
		return st;
	}
	case B_TRIGGER:
		if (!strcmp(key, "approx")) {
			char *end;
			long v = strtol(val, &end, 10);
			if (*end || v < 0 || v > 5)
				return fail(d, name, line, "approx wants 0..5", val);
			lex->pending_cost = (int)v;
			return BG_OK;
		}
		if (!strcmp(key, "term")) {
			char *end;
			long v = strtol(val, &end, 10);
			if (*end || v < 0 || v > 9)
				return fail(d, name, line, "term wants a group number 0..9", val);
			lex->pending_group = (int)v;
			return BG_OK;
		}
		if (!strcmp(key, "require")) {
			lex->pending_require = bg_arena_strndup(lex->arena, val, vn);
			return lex->pending_require ? BG_OK : BG_ERR_NOMEM;
		}
		if (!strcmp(key, "lexicon-only")) {
			if (strcmp(val, "yes") && strcmp(val, "no") && strcmp(val, "defined"))
				return fail(d, name, line, "lexicon-only wants yes, no or defined",
					    val);
			lex->pending_only = !strcmp(val, "yes");
			lex->pending_defined = !strcmp(val, "defined");
			return BG_OK;
		}
		if (!strcmp(key, "note"))
			return BG_OK;
		if (strcmp(key, "pattern"))
			return fail(d, name, line, "unknown trigger key", key);
		return add_trigger(lex, val, vn, name, line, d);
	case B_ABBREV:
		if (strcmp(key, "name"))
			return fail(d, name, line, "unknown abbreviation key", key);
		if (!grow((void **)&lex->ab, &lex->aab, lex->nab, sizeof *lex->ab))
			return BG_ERR_NOMEM;
		lex->ab[lex->nab].bwb = lex->block_arg;
		lex->ab[lex->nab].name = bg_arena_strndup(lex->arena, val, vn);
		if (!lex->ab[lex->nab].name)
			return BG_ERR_NOMEM;
		lex->nab++;
		return BG_OK;
	case B_FRAMEWORK:
		if (!strcmp(key, "pattern"))
			return add_framework(lex, val, vn, name, line, d);
		if (!strcmp(key, "require")) {
			lex->pending_require = bg_arena_strndup(lex->arena, val, vn);
			return lex->pending_require ? BG_OK : BG_ERR_NOMEM;
		}
		if (!strcmp(key, "concepts")) {
			/* applies to every pattern of this block, before and after */
			struct framework tmp;
			bg_status st;
			memset(&tmp, 0, sizeof tmp);
			if ((st = set_concepts(lex, &tmp, val, vn)) != BG_OK)
				return st;
			lex->pending_concepts = tmp.concepts;
			lex->pending_nconc = tmp.nconc;
			for (size_t i = lex->nfw; i-- > 0 && lex->fw[i].bwb == lex->block_arg;) {
				lex->fw[i].concepts = tmp.concepts;
				lex->fw[i].nconc = tmp.nconc;
			}
			return BG_OK;
		}
		if (!strcmp(key, "note"))
			return BG_OK;
		return fail(d, name, line, "unknown framework key", key);
	}
	return BG_OK;
}

static bg_status parse_text(bg_lexicon *lex, const char *text, size_t len,
			    const char *name, const char *dir, int depth, bg_diag *d)
{
	bg_buf line = BG_BUF_INIT;
	unsigned lineno = 0;
	size_t i = 0;
	bg_status st = BG_OK;

	if (memchr(text, '\0', len))
		return fail(d, name, 0, "lexicon contains a NUL byte", NULL);
	lex->block = B_NONE;
	while (i < len && st == BG_OK) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;

		lineno++;
		bg_buf_clear(&line);
		bg_buf_add(&line, text + i, n);
		if (!bg_buf_ok(&line)) {
			st = BG_ERR_NOMEM;
			break;
		}
		st = parse_line(lex, line.s, line.len, name, dir, depth, lineno, d);
		i += n + 1;
	}
	bg_buf_release(&line);
	lex->block = B_NONE;
	if (st == BG_ERR_NOMEM && !d->status)
		bg_diag_set(d, st, name, lineno, 0, "out of memory");
	return st;
}

static bg_status finish(bg_lexicon *lex, const char *name, bg_diag *d)
{
	for (size_t i = 0; i < lex->nc; i++)
		if (!lex->c[i].nvar)
			return fail(d, name, 0, "concept has no variant", lex->c[i].id);
	for (size_t i = 0; i < lex->nfw; i++) {
		if (!lex->fw[i].nconc)
			return fail(d, name, 0, "framework has no concepts", lex->fw[i].bwb);
		for (size_t j = 0; j < lex->fw[i].nconc; j++)
			if (bg_lexicon_find(lex, lex->fw[i].concepts[j]) < 0)
				return fail(d, name, 0, "framework names an unknown concept",
					    lex->fw[i].concepts[j]);
	}
	for (size_t i = 0; i < lex->nc; i++)
		if (lex->c[i].broader[0] && bg_lexicon_find(lex, lex->c[i].broader) < 0)
			return fail(d, name, 0, "broader names an unknown concept",
				    lex->c[i].broader);
	if (!lex->nt[BG_TRIG_LIST] && !lex->nt[BG_TRIG_INLINE])
		return fail(d, name, 0, "lexicon has no list or inline triggers", NULL);
	return BG_OK;
}

static bg_status parse_opts(const char *text, size_t len, const char *name,
			     const char *dir, bool lazy, bg_norm *nm, bg_lexicon **out,
			     bg_diag *d)
{
	bg_lexicon *lex = calloc(1, sizeof *lex);
	bg_status st;

	*out = NULL;
	if (lex && pthread_mutex_init(&lex->compile_lock, NULL) != 0) {
		free(lex);
		lex = NULL;
	}
	if (lex) {
		lex->own_nm = !nm;
		lex->nm = nm;
	}
	if (!lex || !(lex->arena = bg_arena_new()) || (!lex->nm && !(lex->nm = bg_norm_new()))) {
		bg_lexicon_free(lex);
		bg_diag_set(d, BG_ERR_NOMEM, name, 0, 0, "cannot set up the lexicon");
		return BG_ERR_NOMEM;
	}
	lex->lazy = lazy;
	st = parse_text(lex, text, len, name, dir, 0, d);
	if (st == BG_OK)
		st = finish(lex, name, d);
	/* the arrays of triggers stopped moving: point at the regexes */
	for (int f = 0; f < BG_TRIG__COUNT && st == BG_OK; f++)
		for (size_t j = 0; j < lex->nt[f]; j++)
			if (atomic_load_explicit(&lex->t[f][j].state, memory_order_relaxed) == RE_OK)
				lex->t[f][j].pub.regex = &lex->t[f][j].re;
	if (lex->own_nm)
		bg_norm_free(lex->nm);
	lex->nm = NULL;
	if (st != BG_OK) {
		bg_lexicon_free(lex);
		return st;
	}
	*out = lex;
	return BG_OK;
}

bg_status bg_lexicon_parse(const char *text, size_t len, const char *name,
			   const char *dir, bg_lexicon **out, bg_diag *d)
{
	return parse_opts(text, len, name, dir, false, NULL, out, d);
}

static bg_status load_opts(const char *path, bool lazy, bg_norm *nm, bg_lexicon **out,
			    bg_diag *d)
{
	bg_buf data = BG_BUF_INIT;
	char chunk[8192], *dir, *slash;
	size_t n;
	FILE *fp = fopen(path, "rb");
	bg_status st;

	*out = NULL;
	if (!fp) {
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "cannot open lexicon: %s", strerror(errno));
		return BG_ERR_IO;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		bg_buf_add(&data, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		bg_buf_release(&data);
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "read error");
		return BG_ERR_IO;
	}
	fclose(fp);
	dir = strdup(path);
	if (!dir || !bg_buf_ok(&data)) {
		free(dir);
		bg_buf_release(&data);
		bg_diag_set(d, BG_ERR_NOMEM, path, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		dir[0] = '\0';
	st = parse_opts(data.s, data.len, path, dir, lazy, nm, out, d);
	free(dir);
	bg_buf_release(&data);
	return st;
}

bg_status bg_lexicon_load(const char *path, bg_lexicon **out, bg_diag *d)
{
	return load_opts(path, false, NULL, out, d);
}

bg_status bg_lexicon_load_lazy(const char *path, bg_norm *nm, bg_lexicon **out,
			       bg_diag *d)
{
	return load_opts(path, true, nm, out, d);
}

void bg_lexicon_free(bg_lexicon *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->nc; i++) {
		free(lex->c[i].variants);
		free(lex->c[i].keys);
		free(lex->c[i].plural_keys);
		free(lex->c[i].compound_keys);
	}
	free(lex->c);
	for (int f = 0; f < BG_TRIG__COUNT; f++) {
		for (size_t j = 0; j < lex->nt[f]; j++)
			if (atomic_load(&lex->t[f][j].state) == RE_OK) {
				tre_regfree(&lex->t[f][j].re);
				if (atomic_load(&lex->t[f][j].qstate) == RE_OK)
					tre_regfree(&lex->t[f][j].quick);
			}
		free(lex->t[f]);
	}
	free(lex->ab);
	for (size_t i = 0; i < lex->nfw; i++)
		if (atomic_load(&lex->fw[i].state) == RE_OK)
			tre_regfree(&lex->fw[i].re);
	free(lex->fw);
	if (lex->own_nm)
		bg_norm_free(lex->nm);
	bg_arena_free(lex->arena);
	pthread_mutex_destroy(&lex->compile_lock);
	free(lex);
}

size_t bg_lexicon_count(const bg_lexicon *lex) { return lex->nc; }
const char *bg_lexicon_id(const bg_lexicon *lex, size_t i) { return lex->c[i].id; }
const char *bg_lexicon_label(const bg_lexicon *lex, size_t i) { return lex->c[i].label; }
const char *bg_lexicon_note(const bg_lexicon *lex, size_t i) { return lex->c[i].note; }
const char *bg_lexicon_broader(const bg_lexicon *lex, size_t i) { return lex->c[i].broader; }
size_t bg_lexicon_variant_count(const bg_lexicon *lex, size_t i) { return lex->c[i].nvar; }

const char *bg_lexicon_variant(const bg_lexicon *lex, size_t i, size_t j)
{
	return lex->c[i].variants[j];
}

long bg_lexicon_find(const bg_lexicon *lex, const char *id)
{
	for (size_t i = 0; i < lex->nc; i++)
		if (!strcmp(lex->c[i].id, id))
			return (long)i;
	return -1;
}

/* How well variant key v names the term key k: 3 exact, 2 the term starts
 * with the variant's words ("partner van de belanghebbende"), 1 the term
 * ends with them ("gezamenlijk toetsingsinkom"), 0 no match. */
static int match_key(const char *k, const char *v)
{
	size_t kl = strlen(k), vl = strlen(v);

	if (kl == vl)
		return !memcmp(k, v, kl) ? 3 : 0;
	if (vl > kl)
		return 0;
	if (!memcmp(k, v, vl) && k[vl] == ' ')
		return 2;
	if (!memcmp(k + kl - vl, v, vl) && k[kl - vl - 1] == ' ')
		return 1;
	return 0;
}

const char *bg_lexicon_concept_for_key(const bg_lexicon *lex, const char *key)
{
	const char *best = NULL;
	int best_score = 0;
	size_t best_len = 0;

	if (!lex || !key || !*key)
		return NULL;
	for (size_t i = 0; i < lex->nc; i++) {
		for (size_t j = 0; j < 2 * lex->c[i].nvar; j++) {
			const char *v = j < lex->c[i].nvar ? lex->c[i].keys[j]
							   : lex->c[i].plural_keys[j - lex->c[i].nvar];
			int s;
			size_t vl;

			if (!v)
				continue;
			s = match_key(key, v);
			vl = strlen(v);
			/* an exact match wins; otherwise the longest variant */
			if (s && (s > best_score || (s == best_score && vl > best_len))) {
				if (s == 3 || best_score < 3) {
					best = lex->c[i].id;
					best_score = s;
					best_len = vl;
				}
			}
		}
	}
	if (!best) {
		/* the term's last word ends in a compound head: the longest */
		const char *last = strrchr(key, ' ');
		size_t ll;
		last = last ? last + 1 : key;
		ll = strlen(last);
		for (size_t i = 0; i < lex->nc; i++)
			for (size_t j = 0; j < lex->c[i].ncomp; j++) {
				const char *h = lex->c[i].compound_keys[j];
				size_t hl = strlen(h);
				if (hl < ll && hl > best_len && !memcmp(last + ll - hl, h, hl)) {
					best = lex->c[i].id;
					best_len = hl;
				}
			}
	}
	return best;
}

const char *bg_lexicon_concept_for_term(const bg_lexicon *lex, bg_norm *nm,
					const char *term, size_t n)
{
	bg_buf key = BG_BUF_INIT;
	const char *c = NULL;

	if (bg_norm_key(nm, term, n, BG_NORM_STEM, &key) == BG_OK)
		c = bg_lexicon_concept_for_key(lex, key.s);
	bg_buf_release(&key);
	return c;
}

const char *bg_lexicon_variant_key(const bg_lexicon *lex, size_t i, size_t j)
{
	return lex->c[i].keys[j];
}

const char *bg_lexicon_plural_key(const bg_lexicon *lex, size_t i, size_t j)
{
	return lex->c[i].plural_keys[j];
}

/* A lazy lexicon's pattern that does not compile is reported here, once
 * (its first use), and never matches. */
static void report_lazy(const bg_diag *d)
{
	bg_diag_print(d, stderr);
}

const void *bg_lexicon_framework_regex(const bg_lexicon *lex, size_t i)
{
	struct framework *fw = &lex->fw[i];
	int state = atomic_load_explicit(&fw->state, memory_order_acquire);

	if (state == RE_PENDING) {
		bg_lexicon *l = (bg_lexicon *)lex;
		pthread_mutex_lock(&l->compile_lock);
		state = atomic_load_explicit(&fw->state, memory_order_relaxed);
		if (state == RE_PENDING) {
			state = tre_regncomp(&fw->re, fw->pattern, strlen(fw->pattern),
					     REG_EXTENDED) == REG_OK ? RE_OK : RE_BAD;
			if (state == RE_BAD) {
				bg_diag d = { 0 };
				fail(&d, fw->file, fw->line, "bad framework pattern", NULL);
				report_lazy(&d);
				bg_diag_clear(&d);
			}
			atomic_store_explicit(&fw->state, state, memory_order_release);
		}
		pthread_mutex_unlock(&l->compile_lock);
	}
	return state == RE_OK ? &fw->re : NULL;
}

const void *bg_trigger_regex(const bg_trigger *pub)
{
	/* pub is the first member of its struct trigger */
	struct trigger *t = (struct trigger *)(void *)pub;
	int state = atomic_load_explicit(&t->state, memory_order_acquire);

	if (state == RE_PENDING) {
		pthread_mutex_lock(&t->lex->compile_lock);
		state = atomic_load_explicit(&t->state, memory_order_relaxed);
		if (state == RE_PENDING) {
			bg_diag d = { 0 };
			state = compile_trigger(t, false, &d) == BG_OK ? RE_OK : RE_BAD;
			if (state == RE_OK)
				t->pub.regex = &t->re;
			else
				report_lazy(&d);
			bg_diag_clear(&d);
			atomic_store_explicit(&t->state, state, memory_order_release);
		}
		pthread_mutex_unlock(&t->lex->compile_lock);
	}
	return state == RE_OK ? &t->re : NULL;
}

const void *bg_trigger_regex_quick(const bg_trigger *pub)
{
	struct trigger *t = (struct trigger *)(void *)pub;
	int state;

	if (!bg_trigger_regex(pub))
		return NULL;
	state = atomic_load_explicit(&t->qstate, memory_order_acquire);
	if (state == RE_PENDING) {
		/* Without submatches TRE tracks no tags: faster at saying
		 * whether a text matches at all, which most texts that pass
		 * the prefilter do not */
		pthread_mutex_lock(&t->lex->compile_lock);
		state = atomic_load_explicit(&t->qstate, memory_order_relaxed);
		if (state == RE_PENDING) {
			state = tre_regncomp(&t->quick, t->pub.pattern, strlen(t->pub.pattern),
					     REG_EXTENDED | REG_NOSUB) == REG_OK ? RE_OK : RE_BAD;
			atomic_store_explicit(&t->qstate, state, memory_order_release);
		}
		pthread_mutex_unlock(&t->lex->compile_lock);
	}
	return state == RE_OK ? &t->quick : NULL;
}

size_t bg_lexicon_trigger_count(const bg_lexicon *lex, bg_trigger_form f)
{
	return f < BG_TRIG__COUNT ? lex->nt[f] : 0;
}

const bg_trigger *bg_lexicon_trigger_info(const bg_lexicon *lex, bg_trigger_form f, size_t j)
{
	return &lex->t[f][j].pub;
}

const bg_trigger *bg_lexicon_trigger(const bg_lexicon *lex, bg_trigger_form f, size_t j)
{
	struct trigger *t = &lex->t[f][j];

	bg_trigger_regex(&t->pub);
	return &t->pub;
}

const char *bg_trigger_form_name(bg_trigger_form f)
{
	return f < BG_TRIG__COUNT ? form_names[f] : "?";
}

size_t bg_lexicon_abbrev_count(const bg_lexicon *lex) { return lex->nab; }
const char *bg_lexicon_abbrev_name(const bg_lexicon *lex, size_t i) { return lex->ab[i].name; }
const char *bg_lexicon_abbrev_bwb(const bg_lexicon *lex, size_t i) { return lex->ab[i].bwb; }
size_t bg_lexicon_framework_count(const bg_lexicon *lex) { return lex->nfw; }
const char *bg_lexicon_framework_phrase(const bg_lexicon *lex, size_t i) { return lex->fw[i].pattern; }
const char *bg_lexicon_framework_bwb(const bg_lexicon *lex, size_t i) { return lex->fw[i].bwb; }
const char *bg_lexicon_framework_require(const bg_lexicon *lex, size_t i) { return lex->fw[i].require; }

size_t bg_lexicon_framework_concept_count(const bg_lexicon *lex, size_t i)
{
	return lex->fw[i].nconc;
}

const char *bg_lexicon_framework_concept(const bg_lexicon *lex, size_t i, size_t j)
{
	return lex->fw[i].concepts[j];
}

/* ------------------------------------------------------------- require */

bg_lit_anchor bg_require_anchor(const char **p, size_t *n)
{
	if (*n > 1 && **p == '^') {
		(*p)++;
		(*n)--;
		return BG_LIT_START;
	}
	if (*n > 1 && (*p)[*n - 1] == '$') {
		(*n)--;
		return BG_LIT_END;
	}
	return BG_LIT_ANY;
}

bool bg_require_ok(const char *req, const char *low, size_t n, bool anchored)
{
	while (*req) {
		const char *gend = strstr(req, "&&");
		size_t glen = gend ? (size_t)(gend - req) : strlen(req);
		bool any = false;

		for (size_t i = 0; i < glen && !any;) {
			const char *bar = memchr(req + i, '|', glen - i);
			size_t alen = bar ? (size_t)(bar - (req + i)) : glen - i;
			const char *lit = req + i;
			size_t m = alen;
			bg_lit_anchor at = bg_require_anchor(&lit, &m);

			if (!anchored)
				at = BG_LIT_ANY;
			if (!alen)
				any = true;
			else if (at == BG_LIT_START)
				any = m <= n && !memcmp(low, lit, m);
			else if (at == BG_LIT_END)
				any = m <= n && !memcmp(low + n - m, lit, m);
			else
				any = memmem(low, n, lit, m) != NULL;
			i += alen + 1;
		}
		if (!any && glen)
			return false;
		req += glen + (gend ? 2 : 0);
	}
	return true;
}
