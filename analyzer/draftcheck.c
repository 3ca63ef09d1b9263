/*
 * draftcheck.c -- the drafter's check: one bill against the index (draftcheck.h).
 *
 * Everything about the corpus comes from the SQLite store; the corpus is
 * never read.  Only the definitions of the concepts and terms the draft
 * touches are loaded (indexed lookups by concept and term key), and the
 * corpus distributions of the article measures come precomputed from
 * measure_dist (a few hundred rows), so that a check costs a few parses
 * of the draft.
 *
 * The stages reuse the library: bg_bill_read (draft.h) reads any format,
 * bg_defs_extract_doc (defs.h) finds the definitions, bg_cx_analyze
 * (complexity.h) measures the articles, bg_cmp_prepare / bg_cmp_score2 /
 * bg_cmp_explain_pair (compare.h) score and explain pairs of definitions,
 * bg_bill_amendments lists what an amending bill changes.
 */
#include "draftcheck.h"

#include "compare.h"
#include "complexity.h"
#include "defs.h"
#include "draft.h"
#include "lexicon.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct bg_check_env {
	bg_store *store;
	bg_lexicon *lex;
	bg_cx_rules *rules;
	bg_cmp_phrases *phrases;
	bg_norm *nm;
	sqlite3_stmt *title_st;  /* short title of a BWB id */
	sqlite3_stmt *defs_st[2];  /* definitions by concept, by term key */
};

static const struct { unsigned bit; const char *name; } kind_names[] = {
	{ BG_CHECK_DIVERGENT, "divergent-definition" },
	{ BG_CHECK_REFER, "refer-instead" },
	{ BG_CHECK_UNDEFINED, "undefined-use" },
	{ BG_CHECK_STACKING, "stacking-above-p90" },
	{ BG_CHECK_CHANGED, "changed-definition" },
	{ BG_CHECK_DANGLING, "dangling-reference" },
};

const char *bg_check_kind_name(unsigned kind)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
		if (kind_names[i].bit == kind)
			return kind_names[i].name;
	return "";
}

unsigned bg_check_kinds_parse(const char *s, const char **bad)
{
	unsigned bits = 0;

	while (*s) {
		size_t n = strcspn(s, ",");
		unsigned bit = 0;

		for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
			if (strlen(kind_names[i].name) == n &&
			    !strncmp(kind_names[i].name, s, n))
				bit = kind_names[i].bit;
		if (n == 3 && !strncmp(s, "any", 3))
			bit = ~0u;
		if (!bit) {
			if (bad)
				*bad = s;
			return 0;
		}
		bits |= bit;
		s += n;
		if (*s == ',')
			s++;
	}
	return bits;
}

/* ---------------------------------------------------------- environment */

bg_status bg_check_env_open(const char *db, const char *lexpath,
			    bg_check_env **out, bg_diag *d)
{
	bg_check_env *e = calloc(1, sizeof *e);
	const char *cxpath = bg_cx_default_path();
	bg_status st;

	*out = NULL;
	if (!e)
		return BG_ERR_NOMEM;
	if ((st = bg_store_open(db, &e->store, d)) != BG_OK)
		goto fail;
	/* a check reads a few hundred scattered pages of the index once:
	 * through the memory map each is a page fault (about 10 us here),
	 * with pread a system call (about 1 us) into SQLite's page cache, which
	 * lies in the heap's huge pages (cli_check.c) -- draft50: 530 -> 395
	 * faults, 31.7 -> 25.5 ms CPU */
	sqlite3_exec(bg_store_db(e->store), "PRAGMA mmap_size = 0", NULL, NULL, NULL);
	if (!(e->nm = bg_norm_new())) {
		st = BG_ERR_NOMEM;
		goto fail;
	}
	/* patterns compiled as the draft's paragraphs reach them; variants
	 * normalised with the check's normaliser (one stem cache, not two) */
	if ((st = bg_lexicon_load_lazy(lexpath ? lexpath : bg_lexicon_default_path(), e->nm,
				       &e->lex, d)) != BG_OK)
		goto fail;
	if ((st = bg_cx_rules_load(cxpath, NULL, &e->rules, d)) != BG_OK)
		goto fail;
	if ((st = bg_cmp_phrases_load(bg_cmp_phrases_default_path(), e->nm,
				      &e->phrases, d)) != BG_OK)
		goto fail;
	*out = e;
	return BG_OK;
fail:
	bg_check_env_free(e);
	return st;
}

void bg_check_env_free(bg_check_env *e)
{
	if (!e)
		return;
	bg_lexicon_free(e->lex);
	bg_cx_rules_free(e->rules);
	bg_cmp_phrases_free(e->phrases);
	bg_norm_free(e->nm);
	sqlite3_finalize(e->title_st);
	sqlite3_finalize(e->defs_st[0]);
	sqlite3_finalize(e->defs_st[1]);
	bg_store_close(e->store);
	free(e);
}

/* ------------------------------------------------------------- helpers */

/* A wording of existing definitions, prepared once per check: the same
 * texts come back for many of a bill's terms (the Participatiewet 2026's
 * definitions prepare 461 distinct texts 1,186 times). */
struct prep {
	bg_cmp_def c;      /* text (own copy), words; norm and comp when needed */
	uint64_t hash;
	bool split;
	bool spaced;       /* a word's key holds a space (then the norm's
			    * spaces do not count its words) */
};

struct prepset {
	struct prep **slot;   /* open addressing by hash of the text */
	size_t n, cap;
};

struct run {
	bg_check_env *env;
	bg_check_result *r;
	bg_doc *doc;
	bg_defset *set;
	const char *self_bwb;   /* the draft's BWB id, "" when none */
	struct prepset preps;
	bool oom;
};

static const char *S(struct run *x, const char *s)
{
	char *c = bg_arena_strdup(x->r->arena, s ? s : "");
	if (!c) {
		x->oom = true;
		return "";
	}
	return c;
}

static const char *Sbuf(struct run *x, const bg_buf *b)
{
	if (!bg_buf_ok(b)) {
		x->oom = true;
		return "";
	}
	return S(x, b->s);
}

static void *A(struct run *x, size_t n, size_t size)
{
	void *p = n ? bg_arena_alloc(x->r->arena, n * size) : NULL;
	if (n && !p)
		x->oom = true;
	return p;
}

/* "artikel 1 lid 2 onderdeel b" */
static void where(bg_buf *b, const char *art, const char *lid, const char *item)
{
	bg_buf_clear(b);
	if (art[0])
		bg_buf_addf(b, "artikel %s", art);
	if (lid[0])
		bg_buf_addf(b, "%slid %s", b->len ? " " : "", lid);
	if (item[0])
		bg_buf_addf(b, "%sonderdeel %s", b->len ? " " : "", item);
}

/* Prefer the short title when the store has one. */
static const char *law_name(const bg_store_reg *g)
{
	return g->short_title && g->short_title[0] ? g->short_title : g->title;
}

#define NAME_MAX_LEN 80

/* The short title of a regulation (citeertitel, or the name in brackets
 * at the end of the intitule) for naming it in a sentence; `fallback`
 * when the store has none. */
static const char *short_name(struct run *x, const char *bwb, const char *fallback)
{
	bg_check_env *e = x->env;
	const char *t = NULL;

	if (!e->title_st &&
	    sqlite3_prepare_v2(bg_store_db(e->store),
			       "SELECT coalesce(nullif(short_title, ''), title) FROM regulations "
			       "WHERE bwb_id = ? ORDER BY latest DESC, date DESC LIMIT 1",
			       -1, &e->title_st, NULL) != SQLITE_OK)
		return S(x, fallback);
	sqlite3_reset(e->title_st);
	sqlite3_bind_text(e->title_st, 1, bwb, -1, SQLITE_STATIC);
	if (sqlite3_step(e->title_st) == SQLITE_ROW)
		t = (const char *)sqlite3_column_text(e->title_st, 0);
	if (!t || !t[0])
		t = fallback;
	if (strlen(t) > NAME_MAX_LEN) {
		/* an intitule without a short title ("Wet van 10 december
		 * 1969, houdende nieuwe regeling van ..."): cut at a word */
		size_t n = NAME_MAX_LEN;
		bg_buf b = BG_BUF_INIT;
		while (n > 20 && t[n] != ' ')
			n--;
		bg_buf_add(&b, t, n);
		bg_buf_adds(&b, " ...");
		t = Sbuf(x, &b);
		bg_buf_release(&b);
	} else {
		t = S(x, t);
	}
	sqlite3_reset(e->title_st);
	return t;
}

/* A regulation named as written ("de Algemene wet inkomensafhankelijke
 * regelingen", "Awir", "het Mediabesluit 2008") -> its latest version in
 * the store; false when the index has no such title. */
static bool find_act(struct run *x, const char *name, size_t n,
		     char bwb[32], bg_buf *title)
{
	sqlite3 *db = bg_store_db(x->env->store);
	sqlite3_stmt *st = NULL;
	bg_buf nm = BG_BUF_INIT;
	bool found = false;

	while (n && (isspace((unsigned char)*name))) {
		name++;
		n--;
	}
	while (n && (isspace((unsigned char)name[n - 1]) || name[n - 1] == ',' ||
		     name[n - 1] == '.' || name[n - 1] == ';' || name[n - 1] == ':'))
		n--;
	if (n > 3 && !strncmp(name, "de ", 3)) {
		name += 3;
		n -= 3;
	} else if (n > 4 && !strncmp(name, "het ", 4)) {
		name += 4;
		n -= 4;
	}
	bg_buf_add(&nm, name, n);
	if (!bg_buf_ok(&nm) || !n)
		goto out;
	/* the lexicon's abbreviations first ("Awir"), then the titles */
	for (size_t i = 0; i < bg_lexicon_abbrev_count(x->env->lex); i++)
		if (!strcasecmp(bg_lexicon_abbrev_name(x->env->lex, i), nm.s)) {
			snprintf(bwb, 32, "%s", bg_lexicon_abbrev_bwb(x->env->lex, i));
			found = true;
			break;
		}
	/* two statements, not one with "?1 = ''" alternatives: an OR over
	 * parameters makes SQLite scan every regulation, these two use the
	 * indexes on bwb_id and on the titles */
	if (sqlite3_prepare_v2(db, found ?
			       "SELECT bwb_id, coalesce(nullif(short_title, ''), title) FROM regulations "
			       "WHERE bwb_id = ?1 ORDER BY latest DESC, date DESC, id LIMIT 1" :
			       "SELECT bwb_id, coalesce(nullif(short_title, ''), title) FROM regulations "
			       "WHERE title = ?1 COLLATE NOCASE OR short_title = ?1 COLLATE NOCASE "
			       "ORDER BY latest DESC, date DESC, id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		goto out;
	if (found)
		sqlite3_bind_text(st, 1, bwb, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_text(st, 1, nm.s, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(bwb, 32, "%s", (const char *)sqlite3_column_text(st, 0));
		bg_buf_clear(title);
		bg_buf_adds(title, (const char *)sqlite3_column_text(st, 1));
		found = true;
	} else if (found) {
		/* an abbreviation of a law the index does not hold */
		bg_buf_clear(title);
		bg_buf_adds(title, nm.s);
	}
out:
	sqlite3_finalize(st);
	bg_buf_release(&nm);
	return found;
}

/* The regulation's latest version in the store; false when absent. */
static bool latest_reg(struct run *x, const char *bwb, bg_store_rows *rows)
{
	memset(rows, 0, sizeof *rows);
	if (bg_store_regulation(x->env->store, bwb, rows) != BG_OK) {
		x->oom = true;
		return false;
	}
	return rows->n > 0;
}

static bool has_provision(struct run *x, int64_t reg, const char *bwb,
			  const char *artikel)
{
	bg_store_rows p = {0};
	bg_buf a = BG_BUF_INIT;
	bool found;

	bg_buf_addf(&a, "%s/artikel=%s", bwb, artikel);
	found = bg_buf_ok(&a) && bg_store_provisions(x->env->store, reg, a.s, &p) == BG_OK &&
		p.n > 0;
	bg_store_rows_release(&p);
	bg_buf_release(&a);
	return found;
}

/* ----------------------------------------------------- definitions */

/* A wording among the existing definitions: many laws point to one root,
 * whose text is then prepared and scored once (of the score's parts only
 * r depends on the origin, and it is 1 whenever a score is computed).  It
 * is prepared only as far as the search for the nearest needs: words and
 * norm always, components and the diff only while the score's lower
 * bound can still reach the reported few. */
struct wording {
	struct prep *p;    /* text, words, norm; comp when split */
	uint32_t *ids;     /* words numbered by the draft's vocabulary */
	size_t common;     /* words shared with the draft's */
	double cd, td;
	bool has_cd, scored;
	bool scored_later; /* an entry after the first one with this wording
			    * has a score to compute */
};

/* An existing definition with the meaning it carries. */
struct ex {
	const bg_def *d;
	struct wording *w;
	bg_cmp_def c;      /* c's components, words and norm are w's */
	double score, r, cd, td;
	double bound;      /* lower bound of score before it is computed */
	bool same, same_root;
	bool scored;       /* score is exact */
	bool first;        /* the first entry with its wording */
};

static bool is_pointer(const bg_def *d)
{
	return d->kind == BG_DEF_REFERENCE || d->kind == BG_DEF_INHERITED;
}

/* Key of the provision a meaning starts from. */
static void origin_of(const bg_def *d, bg_buf *b)
{
	bg_buf_clear(b);
	if (is_pointer(d) && d->root)
		bg_buf_addf(b, "%s/artikel=%s", d->root->bwb_id, d->root->article);
	else if (is_pointer(d) && d->target_bwb_id[0])
		bg_buf_addf(b, "%s/artikel=%s", d->target_bwb_id, d->target_article);
	else
		bg_buf_addf(b, "%s/artikel=%s/lid=%s/item=%s", d->bwb_id, d->article,
			    d->lid, d->item);
}

/* Column i as a string in the arena ("" for NULL). */
static const char *col(bg_arena *a, sqlite3_stmt *st, int i, bool *oom)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	const char *c = bg_arena_strndup(a, t ? t : "", t ? (size_t)sqlite3_column_bytes(st, i) : 0);

	if (!c)
		*oom = true;
	return c ? c : "";
}

static bg_def_kind kind_of(const char *k)
{
	for (int i = BG_DEF_OWN; i <= BG_DEF_NEGATIVE; i++)
		if (!strcmp(k, bg_def_kind_name((bg_def_kind)i)))
			return (bg_def_kind)i;
	return BG_DEF_OWN;
}

/* The columns of a definition the check reads, from column i on. */
#define FETCH_COLS(t) t ".file, " t ".bwb_id, " t ".law_title, " t ".date, " t ".article, " \
	t ".lid, " t ".item, " t ".term, " t ".kind, " t ".target_bwb_id, " t ".target_article, " \
	t ".target_lid, " t ".text, " t ".link"

static int fetch_row(bg_arena *a, sqlite3_stmt *st, int i, bg_def *d, bool *oom)
{
	memset(d, 0, sizeof *d);
	d->term_key = d->concept = d->chain_status = d->scope_kind = d->scope_text = "";
	d->scope_address = d->modification = d->address = d->ref_text = "";
	d->file = col(a, st, i++, oom);
	d->bwb_id = col(a, st, i++, oom);
	d->law_title = col(a, st, i++, oom);
	d->date = col(a, st, i++, oom);
	d->article = col(a, st, i++, oom);
	d->lid = col(a, st, i++, oom);
	d->item = col(a, st, i++, oom);
	d->term = col(a, st, i++, oom);
	d->kind = kind_of(col(a, st, i++, oom));
	d->target_bwb_id = col(a, st, i++, oom);
	d->target_article = col(a, st, i++, oom);
	d->target_lid = col(a, st, i++, oom);
	d->text = col(a, st, i++, oom);
	d->link = col(a, st, i++, oom);
	return i;
}

/*
 * The definition records of a concept (by 0) or of a term key (by 1), in
 * store order, each with its root -- the records bg_store_defs_by_concept
 * and _by_term_key give, but only the columns the check reads, the root
 * joined in the same statement, and the statement prepared once per
 * check: those prepare two statements per call and look up each root on
 * its own, which was half of a draft's check.
 */
static bg_status fetch_defs(struct run *x, int by, const char *v, bg_store_rows *out)
{
	static const char *const sql[2] = {
		"SELECT " FETCH_COLS("d") ", d.root_id, r.id, " FETCH_COLS("r")
		" FROM definitions d LEFT JOIN definitions r ON r.id = d.root_id"
		" WHERE d.concept = ?1 ORDER BY d.id",
		"SELECT " FETCH_COLS("d") ", d.root_id, r.id, " FETCH_COLS("r")
		" FROM definitions d LEFT JOIN definitions r ON r.id = d.root_id"
		" WHERE d.term_key = ?1 ORDER BY d.id",
	};
	sqlite3_stmt **st = &x->env->defs_st[by];
	size_t cap = 0;
	bool oom = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(out->arena = bg_arena_new()))
		return BG_ERR_NOMEM;
	if (!*st && sqlite3_prepare_v2(bg_store_db(x->env->store), sql[by], -1, st, NULL) !=
			    SQLITE_OK) {
		bg_store_rows_release(out);
		return BG_ERR_IO;
	}
	sqlite3_bind_text(*st, 1, v, -1, SQLITE_STATIC);
	while (!oom && (rc = sqlite3_step(*st)) == SQLITE_ROW) {
		bg_def *d;
		int i;

		if (out->n == cap) {
			/* arenas do not realloc: a new array, the old one stays */
			size_t nc = cap ? 2 * cap : 64;
			bg_def *nd = bg_arena_alloc(out->arena, nc * sizeof *nd);
			if (!nd) {
				oom = true;
				break;
			}
			if (out->n)
				memcpy(nd, out->defs, out->n * sizeof *nd);
			out->defs = nd;
			cap = nc;
		}
		d = &out->defs[out->n++];
		i = fetch_row(out->arena, *st, 0, d, &oom);
		if (sqlite3_column_int64(*st, i) > 0) {
			/* a root the index does not hold fails, as in the store */
			bg_def *r = bg_arena_alloc(out->arena, sizeof *r);
			if (!r || sqlite3_column_type(*st, i + 1) == SQLITE_NULL) {
				oom = true;
				break;
			}
			fetch_row(out->arena, *st, i + 2, r, &oom);
			d->root = r;
		}
	}
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	if (oom || rc != SQLITE_DONE) {
		bg_store_rows_release(out);
		return BG_ERR_NOMEM;
	}
	return BG_OK;
}

/* Definitions of concept (or term key) in the latest version of each
 * regulation other than the draft's own. */
static bg_status load_existing(struct run *x, const bg_def *dd, bg_store_rows *rows,
			       bool **keep)
{
	bg_status st;

	st = dd->concept[0] ? fetch_defs(x, 0, dd->concept, rows)
			    : fetch_defs(x, 1, dd->term_key, rows);
	if (st != BG_OK)
		return st;
	*keep = calloc(rows->n + 1, sizeof **keep);
	if (!*keep)
		return BG_ERR_NOMEM;
	for (size_t i = 0; i < rows->n; i++) {
		const bg_def *d = &rows->defs[i];
		bool latest = true;
		if (d->kind == BG_DEF_NEGATIVE || !strcmp(d->bwb_id, x->self_bwb))
			continue;
		for (size_t j = 0; j < rows->n && latest; j++)
			if (j != i && !strcmp(rows->defs[j].bwb_id, d->bwb_id) &&
			    strcmp(rows->defs[j].date, d->date) > 0)
				latest = false;
		(*keep)[i] = latest;
	}
	return BG_OK;
}

static int ex_cmp(const void *a, const void *b)
{
	const struct ex *p = a, *q = b;
	if (p->score != q->score)
		return p->score < q->score ? -1 : 1;
	/* ties: a provision that states the meaning before one that points
	 * to it, then the most recent version */
	if (is_pointer(p->d) != is_pointer(q->d))
		return is_pointer(p->d) ? 1 : -1;
	if (strcmp(p->d->date, q->d->date))
		return strcmp(q->d->date, p->d->date);
	return strcmp(p->d->bwb_id, q->d->bwb_id);
}

/* The prepared wording of text (words and norm), made on first sight;
 * NULL when out of memory. */
static struct prep *prep_get(struct run *x, const char *text)
{
	struct prepset *ps = &x->preps;
	uint64_t h = bg_hash_bytes(text, strlen(text));
	struct prep *p;
	size_t i;

	if ((ps->n + 1) * 2 > ps->cap) {
		size_t nc = ps->cap ? ps->cap * 2 : 256;
		struct prep **nv = calloc(nc, sizeof *nv);
		if (!nv) {
			x->oom = true;
			return NULL;
		}
		for (size_t k = 0; k < ps->cap; k++)
			if (ps->slot[k]) {
				for (i = ps->slot[k]->hash & (nc - 1); nv[i]; i = (i + 1) & (nc - 1))
					;
				nv[i] = ps->slot[k];
			}
		free(ps->slot);
		ps->slot = nv;
		ps->cap = nc;
	}
	for (i = h & (ps->cap - 1); ps->slot[i]; i = (i + 1) & (ps->cap - 1))
		if (ps->slot[i]->hash == h && !strcmp(ps->slot[i]->c.text, text))
			return ps->slot[i];
	if (!(p = calloc(1, sizeof *p)) || !(p->c.text = strdup(text))) {
		free(p);
		x->oom = true;
		return NULL;
	}
	p->hash = h;
	if (bg_cmp_prepare_tokens(x->env->nm, &p->c) != BG_OK) {
		bg_cmp_def_release(&p->c);
		free((char *)p->c.text);
		free(p);
		x->oom = true;
		return NULL;
	}
	p->spaced = p->c.words.keys.len &&
		    memchr(p->c.words.keys.s, ' ', p->c.words.keys.len) != NULL;
	ps->slot[i] = p;
	ps->n++;
	return p;
}

/* Whether p's wording is the draft's after folding and stemming (norms
 * equal).  The norm has a stemmed key per word joined by single spaces:
 * a wording whose number of words cannot give the draft's number of
 * spaces is not the same, and its norm is not made. */
static bool same_norm(struct run *x, struct prep *p, const bg_cmp_def *mine, size_t mine_spaces)
{
	size_t n = p->c.words.n;

	if (!p->spaced && (n ? n - 1 : 0) != mine_spaces)
		return false;
	if (bg_cmp_prepare_norm(x->env->nm, &p->c) != BG_OK) {
		x->oom = true;
		return false;
	}
	return !strcmp(p->c.norm, mine->norm);
}

static void prepset_release(struct prepset *ps)
{
	for (size_t i = 0; i < ps->cap; i++)
		if (ps->slot[i]) {
			bg_cmp_def_release(&ps->slot[i]->c);
			free((char *)ps->slot[i]->c.text);
			free(ps->slot[i]);
		}
	free(ps->slot);
	memset(ps, 0, sizeof *ps);
}

/* Splits d into its components unless *done. */
static bool split(struct run *x, bg_cmp_def *d, bool *done)
{
	if (!*done) {
		if (bg_cmp_prepare_components(x->env->nm, x->env->phrases, d) != BG_OK) {
			x->oom = true;
			return false;
		}
		*done = true;
	}
	return true;
}

/* C of the score of a wording against the draft's definition: both are
 * split into components now. */
static bool wording_cd(struct run *x, bg_cmp_def *mine, bool *mine_split, struct wording *w)
{
	if (!split(x, mine, mine_split) || !split(x, &w->p->c, &w->p->split))
		return false;
	if (!w->has_cd) {
		w->cd = bg_cmp_comp_distance(mine, &w->p->c);
		w->has_cd = true;
	}
	return true;
}

/* T of the same: the diff of the words. */
static bool wording_td(struct run *x, const bg_cmp_vocab *v, struct wording *w)
{
	if (!w->scored) {
		w->td = bg_cmp_vocab_tok_distance(v, w->ids, w->p->c.words.n);
		if (w->td < 0) {
			x->oom = true;
			return false;
		}
		w->scored = true;
	}
	return true;
}

/* Lowest lower bound first; ties in row order (qsort is not stable). */
static int bound_cmp(const void *a, const void *b)
{
	const struct ex *p = *(const struct ex *const *)a, *q = *(const struct ex *const *)b;
	if (p->bound != q->bound)
		return p->bound < q->bound ? -1 : 1;
	return p < q ? -1 : p > q;
}

/* Keeps the BG_CHECK_NEAREST lowest scores seen, in ascending order. */
static void top_add(double *top, size_t *n, double v)
{
	size_t i = *n < BG_CHECK_NEAREST ? (*n)++ : BG_CHECK_NEAREST;

	if (i == BG_CHECK_NEAREST) {
		if (v >= top[i - 1])
			return;
		i--;
	}
	for (; i > 0 && top[i - 1] > v; i--)
		top[i] = top[i - 1];
	top[i] = v;
}

static void fill_match(struct run *x, const bg_cmp_def *mine, struct ex *e,
		       bg_check_match *m)
{
	const bg_def *d = e->d;
	bg_cmp_explain ex = BG_CMP_EXPLAIN_INIT;
	bg_buf b = BG_BUF_INIT;

	m->bwb_id = S(x, d->bwb_id);
	m->title = short_name(x, d->bwb_id, d->law_title);
	m->date = S(x, d->date);
	m->article = S(x, d->article);
	m->lid = S(x, d->lid);
	m->item = S(x, d->item);
	m->term = S(x, d->term);
	m->kind = S(x, bg_def_kind_name(d->kind));
	m->text = S(x, e->c.text);
	m->link = S(x, d->link);
	if (is_pointer(d) && d->root) {
		bg_buf_addf(&b, "%s artikel %s", short_name(x, d->root->bwb_id, d->root->law_title),
			    d->root->article);
		m->root = Sbuf(x, &b);
	} else {
		m->root = "";
	}
	m->score = e->score;
	m->r = e->r;
	m->c = e->cd;
	m->t = e->td;
	m->same_wording = e->same;
	m->same_root = e->same_root;
	if (e->same || e->same_root || bg_cmp_explain_pair(mine, &e->c, &ex) != BG_OK)
		goto out;
	m->diffs = A(x, ex.n, sizeof *m->diffs);
	for (size_t i = 0; i < ex.n && m->diffs; i++) {
		/* that the two provisions differ is in the score's parts (r) */
		if (ex.notes[i].kind == BG_NOTE_ROOT)
			continue;
		bg_buf_clear(&b);
		bg_note_write(&ex.notes[i], mine, "the draft", &e->c, m->title, &b);
		m->diffs[m->ndiffs++] = Sbuf(x, &b);
	}
out:
	bg_cmp_explain_release(&ex);
	bg_buf_release(&b);
}

/* The root text a reference in the draft leads to, from the rows of the
 * concept: the latest version's records of the target article. */
static void pointed_text(const char *bwb, const char *art, const char *lid,
			 const bg_store_rows *rows, const bool *keep, bg_buf *t)
{
	for (size_t i = 0; i < rows->n; i++) {
		const bg_def *d = &rows->defs[i];
		if (!keep[i] || strcmp(d->bwb_id, bwb) || strcmp(d->article, art) ||
		    is_pointer(d) || d->kind == BG_DEF_NEGATIVE)
			continue;
		if (lid[0] && strcmp(d->lid, lid))
			continue;
		if (t->len)
			bg_buf_addc(t, ' ');
		bg_buf_adds(t, d->text);
	}
}

/* "artikel 3 van de Algemene wet ...", "artikel 8, eerste lid, van de
 * Awir": the article, the lid (ordinal words) and the act named after
 * "van de" / "van het", as the extractor left them unresolved in a single
 * document. */
static const char *const ordinals[] = {
	"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende",
	"achtste", "negende", "tiende"
};

static void parse_ref(struct run *x, const char *s, char bwb[32], char art[32],
		      char lid[8], bg_buf *title)
{
	const char *p = strstr(s, "artikel ");
	const char *v;
	size_t n;

	if (!p)
		return;
	p += 8;
	n = strcspn(p, " ,;:");
	if (n && n < 32 && isdigit((unsigned char)*p)) {
		memcpy(art, p, n);
		art[n] = '\0';
	}
	p += n;
	if (*p == ',') {
		for (size_t i = 0; i < sizeof ordinals / sizeof *ordinals; i++) {
			size_t k = strlen(ordinals[i]);
			if (!strncmp(p + 2, ordinals[i], k) && !strncmp(p + 2 + k, " lid", 4))
				snprintf(lid, 8, "%zu", i + 1);
		}
	}
	if (!(v = strstr(p, " van ")))
		return;
	v += 5;
	/* the act's name ends at the end of the clause */
	n = strcspn(v, ";:(");
	find_act(x, v, n, bwb, title);
}

static void check_def(struct run *x, const bg_def *dd, bg_check_def *out)
{
	bg_check_env *env = x->env;
	bg_store_rows rows = {0};
	bool *keep = NULL;
	struct ex *ex = NULL, **order = NULL;
	struct wording *w = NULL;
	size_t nex = 0, nw = 0, norder = 0, ntop = 0;
	double top[BG_CHECK_NEAREST];
	bg_cmp_vocab vocab;
	bg_cmp_def mine;
	size_t mine_spaces = 0;
	bool mine_split = false;
	bg_buf b = BG_BUF_INIT, t = BG_BUF_INIT, o = BG_BUF_INIT;
	const char *mine_origin;
	char tbwb[32] = "", tart[32] = "", tlid[8] = "";

	memset(&mine, 0, sizeof mine);
	memset(&vocab, 0, sizeof vocab);
	out->term = S(x, dd->term);
	out->concept = S(x, dd->concept);
	out->kind = S(x, bg_def_kind_name(dd->kind));
	out->article = S(x, dd->article);
	out->lid = S(x, dd->lid);
	out->item = S(x, dd->item);
	out->text = S(x, dd->text);
	out->line = dd->line;
	out->target = out->target_title = out->suggestion = "";

	/* a reference: resolve the law through the index's titles when the
	 * extractor could not, and see whether the target exists */
	if (dd->kind == BG_DEF_REFERENCE || dd->kind == BG_DEF_MODIFIED_REFERENCE ||
	    dd->kind == BG_DEF_INHERITED) {
		bg_buf title = BG_BUF_INIT;
		bg_store_rows g = {0};

		if (dd->target_bwb_id[0]) {
			snprintf(tbwb, sizeof tbwb, "%s", dd->target_bwb_id);
			snprintf(tart, sizeof tart, "%s", dd->target_article);
			snprintf(tlid, sizeof tlid, "%s", dd->target_lid);
		} else {
			parse_ref(x, dd->ref_text[0] ? dd->ref_text : dd->text, tbwb, tart, tlid,
				  &title);
		}
		if (tbwb[0]) {
			bg_buf_addf(&b, "%s%s%s", tbwb, tart[0] ? " artikel " : "", tart);
			out->target = Sbuf(x, &b);
			if (latest_reg(x, tbwb, &g)) {
				out->target_title = S(x, law_name(&g.regs[0]));
				out->target_missing = tart[0] &&
					!has_provision(x, g.regs[0].id, tbwb, tart);
				out->target_law_known = true;
			} else {
				/* a law outside the index: nothing to say about it */
				out->target_title = Sbuf(x, &title);
				out->target_missing = true;
			}
			if (out->target_missing && out->target_law_known)
				x->r->kinds |= BG_CHECK_DANGLING;
		}
		bg_store_rows_release(&g);
		bg_buf_release(&title);
	}

	if (load_existing(x, dd, &rows, &keep) != BG_OK) {
		x->oom = true;
		goto out;
	}

	/* the draft's own meaning: its words, or the words it points to */
	if (is_pointer(dd) && tbwb[0] && tart[0]) {
		pointed_text(tbwb, tart, tlid, &rows, keep, &t);
		bg_buf_addf(&o, "%s/artikel=%s", tbwb, tart);
	}
	if (!t.len) {
		bg_buf_clear(&t);
		bg_buf_adds(&t, dd->text);
		bg_buf_clear(&o);
		bg_buf_addf(&o, "draft/%s", dd->address);
	}
	if (!bg_buf_ok(&t) || !bg_buf_ok(&o)) {
		x->oom = true;
		goto out;
	}
	mine_origin = o.s;
	mine.law = mine.file = mine.title = mine.date = mine.where = "";
	mine.kind = out->kind;
	mine.root = mine.origin = mine_origin;
	mine.root_label = mine.link = "";
	mine.text = t.s;
	/* its components are split when a score or an explanation needs
	 * them (wording_cd): often every reported match has score 0 */
	if (bg_cmp_prepare_words(env->nm, &mine) != BG_OK) {
		x->oom = true;
		goto out;
	}
	for (const char *c = mine.norm; *c; c++)
		mine_spaces += *c == ' ';

	ex = calloc(rows.n + 1, sizeof *ex);
	w = calloc(rows.n + 1, sizeof *w);
	order = calloc(rows.n + 1, sizeof *order);
	if (!ex || !w || !order || bg_cmp_vocab_init(&vocab, &mine.words) != BG_OK) {
		x->oom = true;
		goto out;
	}
	for (size_t i = 0; i < rows.n; i++) {
		const bg_def *d = &rows.defs[i];
		struct ex *e;
		struct prep *pp;
		bool dup = false;

		if (!keep[i])
			continue;
		/* one provision once (a definition spread over several records
		 * of one lid is compared as its first) */
		for (size_t j = 0; j < nex && !dup; j++)
			dup = !strcmp(ex[j].d->bwb_id, d->bwb_id) &&
			      !strcmp(ex[j].d->article, d->article) &&
			      !strcmp(ex[j].d->lid, d->lid) && !strcmp(ex[j].d->item, d->item);
		if (dup)
			continue;
		e = &ex[nex];
		e->d = d;
		origin_of(d, &b);
		e->c.law = d->bwb_id;
		e->c.file = d->file;
		e->c.title = d->law_title;
		e->c.date = d->date;
		e->c.where = e->c.root_label = "";
		e->c.kind = bg_def_kind_name(d->kind);
		e->c.link = d->link;
		e->c.origin = e->c.root = bg_arena_strdup(rows.arena, b.s);
		e->c.text = is_pointer(d) && d->root ? d->root->text : d->text;
		if (!bg_buf_ok(&b) || !e->c.origin) {
			x->oom = true;
			goto out;
		}
		if (!(pp = prep_get(x, e->c.text)))
			goto out;
		for (size_t j = 0; j < nw && !e->w; j++)
			if (w[j].p == pp)
				e->w = &w[j];
		if (!e->w) {
			struct wording *n = &w[nw++];
			n->p = pp;
			if (!(n->ids = malloc((pp->c.words.n + 1) * sizeof *n->ids))) {
				x->oom = true;
				goto out;
			}
			bg_cmp_vocab_ids(&vocab, &pp->c.words, n->ids, &n->common);
			e->w = n;
			e->first = true;
		}
		nex++;
		e->same_root = !strcmp(e->c.origin, mine.origin);
		e->same = same_norm(x, pp, &mine, mine_spaces);
		if (x->oom)
			goto out;
		e->scored = e->same || e->same_root;   /* then the score is 0 */
		if (!e->scored && !e->first)
			e->w->scored_later = true;
		/* r = 1: the origins differ (not same_root); c >= 0 */
		e->bound = BG_CMP_W_ROOT * 1.0 + BG_CMP_W_COMP * 0.0 +
			   BG_CMP_W_TOK * bg_cmp_vocab_tok_bound(&vocab, e->w->common,
								 e->w->p->c.words.n);
	}

	/* the nearest few: score in the order of the lower bounds, and stop
	 * scoring once a bound lies above the BG_CHECK_NEAREST-th best score
	 * so far -- such a definition can come neither before nor (on a tie)
	 * among the reported ones */
	for (size_t i = 0; i < nex; i++)
		if (ex[i].scored)
			top_add(top, &ntop, 0.0);
		else
			order[norder++] = &ex[i];
	qsort(order, norder, sizeof *order, bound_cmp);
	for (size_t k = 0; k < norder; k++) {
		struct ex *e = order[k];
		struct wording *ew = e->w;
		double kth = ntop == BG_CHECK_NEAREST ? top[ntop - 1] : 2.0;

		if (e->bound > kth)
			break;
		if (!ew->scored) {
			if (!wording_cd(x, &mine, &mine_split, ew))
				goto out;
			if (BG_CMP_W_ROOT * 1.0 + BG_CMP_W_COMP * ew->cd +
			    BG_CMP_W_TOK * bg_cmp_vocab_tok_bound(&vocab, ew->common,
								  ew->p->c.words.n) > kth)
				continue;
			if (!wording_td(x, &vocab, ew))
				goto out;
		}
		/* the expression of bg_cmp_score2, so the same value */
		e->r = 1.0;
		e->cd = ew->cd;
		e->td = ew->td;
		e->score = BG_CMP_W_ROOT * e->r + BG_CMP_W_COMP * e->cd + BG_CMP_W_TOK * e->td;
		e->scored = true;
		top_add(top, &ntop, e->score);
	}
	for (size_t i = 0; i < nex; i++)
		if (!ex[i].scored)
			ex[i].score = 2.0;   /* beyond every score: never reported */
	out->compared = nex;
	qsort(ex, nex, sizeof *ex, ex_cmp);
	out->nnear = nex < BG_CHECK_NEAREST ? nex : BG_CHECK_NEAREST;
	for (size_t i = 0; i < out->nnear; i++) {
		struct ex *e = &ex[i];
		/* a first entry with score 0 (same root) shows the parts of a
		 * later entry of its wording that was scored, as the check has
		 * always reported them */
		if (e->first && !e->same && e->w->scored_later) {
			if (!wording_cd(x, &mine, &mine_split, e->w) ||
			    !wording_td(x, &vocab, e->w))
				goto out;
			e->cd = e->w->cd;
			e->td = e->w->td;
		}
	}
	for (size_t i = 0; i < nex; i++) {
		ex[i].c.words = ex[i].w->p->c.words;
		ex[i].c.norm = ex[i].w->p->c.norm ? ex[i].w->p->c.norm : "";
		ex[i].c.comp = ex[i].w->p->c.comp;
	}
	out->near = A(x, out->nnear, sizeof *out->near);
	if (!out->near)
		out->nnear = 0;
	for (size_t i = 0; i < out->nnear; i++)
		if (!ex[i].same && !ex[i].same_root && !split(x, &mine, &mine_split))
			goto out;
	for (size_t i = 0; i < out->nnear; i++)
		fill_match(x, &mine, &ex[i], &out->near[i]);

	/* a definition in own words that an existing one already gives */
	if (nex && ex[0].score <= BG_CHECK_REFER_SCORE &&
	    (dd->kind == BG_DEF_OWN || dd->kind == BG_DEF_MODIFIED_REFERENCE)) {
		const bg_def *d = ex[0].d;
		const bg_def *to = is_pointer(d) && d->root ? d->root : d;

		where(&t, to->article, to->lid, to->item);
		bg_buf_clear(&b);
		bg_buf_addf(&b, "refer instead to %s %s (\"%s\": %s, score %.2f; %s)",
			    short_name(x, to->bwb_id, to->law_title), t.s, to->term,
			    ex[0].same ? "the same wording" : "nearly the same meaning",
			    ex[0].score, to->bwb_id);
		out->suggestion = Sbuf(x, &b);
		out->refer = true;
		x->r->kinds |= BG_CHECK_REFER;
	} else if (dd->concept[0] && dd->kind == BG_DEF_OWN && nex) {
		out->divergent = true;
		x->r->kinds |= BG_CHECK_DIVERGENT;
	}
out:
	for (size_t i = 0; i < nw; i++) {
		free(w[i].ids);
	}
	free(w);
	free(ex);
	free(order);
	bg_cmp_vocab_release(&vocab);
	free(keep);
	bg_cmp_def_release(&mine);
	bg_store_rows_release(&rows);
	bg_buf_release(&b);
	bg_buf_release(&t);
	bg_buf_release(&o);
}

/* ------------------------------------------------------- undefined uses */

static void add_cand(struct run *x, bg_check_use *u, const char *bwb, const char *title,
		     const char *article, size_t laws, const char *why)
{
	for (size_t i = 0; i < u->ncand; i++)
		if (!strcmp(u->cand[i].bwb_id, bwb) && !strcmp(u->cand[i].article, article))
			return;
	if (u->ncand >= BG_CHECK_CANDIDATES)
		return;
	u->cand[u->ncand].bwb_id = S(x, bwb);
	u->cand[u->ncand].title = S(x, title);
	u->cand[u->ncand].article = S(x, article);
	u->cand[u->ncand].laws = laws;
	u->cand[u->ncand].why = S(x, why);
	u->ncand++;
}

struct root_count {
	const bg_def *d;     /* the root (or own) record */
	size_t laws;
};

static int rc_cmp(const void *a, const void *b)
{
	const struct root_count *p = a, *q = b;
	if (p->laws != q->laws)
		return p->laws > q->laws ? -1 : 1;
	return strcmp(p->d->bwb_id, q->d->bwb_id);
}

static void check_use(struct run *x, const char *concept, size_t count, bg_check_use *u)
{
	bg_check_env *env = x->env;
	const bg_lexicon *lex = env->lex;
	bg_store_rows rows = {0};
	struct root_count *rc = NULL;
	size_t nrc = 0;
	bg_buf why = BG_BUF_INIT;

	u->concept = S(x, concept);
	u->count = count;
	u->cand = A(x, BG_CHECK_CANDIDATES, sizeof *u->cand);
	if (!u->cand)
		return;
	/* framework laws that define the concept for their subjects */
	for (size_t i = 0; i < bg_lexicon_framework_count(lex); i++)
		for (size_t j = 0; j < bg_lexicon_framework_concept_count(lex, i); j++) {
			bg_store_rows g = {0};
			const char *bwb = bg_lexicon_framework_bwb(lex, i);
			if (strcmp(bg_lexicon_framework_concept(lex, i, j), concept))
				continue;
			if (latest_reg(x, bwb, &g)) {
				bg_buf_clear(&why);
				bg_buf_adds(&why, "framework law: regulations that declare themselves "
					    "subject to it use its definition");
				add_cand(x, u, bwb, law_name(&g.regs[0]), "", 0, why.s);
			}
			bg_store_rows_release(&g);
		}
	/* then the meanings most laws share */
	if (fetch_defs(x, 0, concept, &rows) != BG_OK) {
		x->oom = true;
		goto out;
	}
	rc = calloc(rows.n + 1, sizeof *rc);
	if (!rc) {
		x->oom = true;
		goto out;
	}
	for (size_t i = 0; i < rows.n; i++) {
		const bg_def *d = &rows.defs[i];
		const bg_def *root = is_pointer(d) && d->root ? d->root : d;
		size_t j, k;
		if (d->kind == BG_DEF_NEGATIVE || (is_pointer(d) && !d->root))
			continue;
		for (j = 0; j < nrc; j++)
			if (!strcmp(rc[j].d->bwb_id, root->bwb_id) &&
			    !strcmp(rc[j].d->article, root->article))
				break;
		if (j == nrc)
			rc[nrc++].d = root;
		/* each law once per root, whatever its versions and records */
		for (k = 0; k < i; k++) {
			const bg_def *e = &rows.defs[k];
			const bg_def *er = is_pointer(e) && e->root ? e->root : e;
			if (!strcmp(e->bwb_id, d->bwb_id) && !strcmp(er->bwb_id, root->bwb_id) &&
			    !strcmp(er->article, root->article) && e->kind != BG_DEF_NEGATIVE &&
			    !(is_pointer(e) && !e->root))
				break;
		}
		if (k == i)
			rc[j].laws++;
	}
	qsort(rc, nrc, sizeof *rc, rc_cmp);
	for (size_t i = 0; i < nrc && u->ncand < BG_CHECK_CANDIDATES; i++) {
		bg_buf_clear(&why);
		bg_buf_addf(&why, "the meaning %zu regulation%s of the index use%s", rc[i].laws,
			    rc[i].laws == 1 ? "" : "s", rc[i].laws == 1 ? "s" : "");
		add_cand(x, u, rc[i].d->bwb_id,
			 short_name(x, rc[i].d->bwb_id, rc[i].d->law_title), rc[i].d->article,
			 rc[i].laws, why.s);
	}
out:
	free(rc);
	bg_store_rows_release(&rows);
	bg_buf_release(&why);
}

/* ----------------------------------------------------------- articles */

static int cmp_double(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;
	return (p > q) - (p < q);
}

/* The percentile ranks of the draft's values, from the corpus
 * distributions `begrip index` stores in measure_dist (store.h): each
 * distinct value of a measure over the articles of the latest version of
 * each regulation, with its count -- a few hundred rows instead of a scan
 * of every measured provision.  Each corpus value is placed among the
 * draft's few sorted values by binary search: le[k][j] = corpus values
 * of measure k at most q[k][j]. */
struct dist {
	double *q[4];      /* the draft's distinct values, ascending */
	size_t nq[4];
	size_t *le[4];
	size_t n;          /* corpus articles */
};

/* measure_dist.measure of dist index k */
static const char *const dist_names[4] = {
	"stacking", "conditions", "exceptions", "delegations",
};

static size_t dist_pos(const double *q, size_t n, double v)
{
	size_t lo = 0, hi = n;     /* first j with q[j] >= v */

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (q[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool dist_load(struct run *x, struct dist *d)
{
	sqlite3 *db = bg_store_db(x->env->store);
	sqlite3_stmt *st = NULL;
	size_t total[4] = {0};
	int rc;

	for (int k = 0; k < 4; k++) {
		size_t m = 0;
		if (d->nq[k])
			qsort(d->q[k], d->nq[k], sizeof *d->q[k], cmp_double);
		for (size_t i = 0; i < d->nq[k]; i++)
			if (!m || d->q[k][i] != d->q[k][m - 1])
				d->q[k][m++] = d->q[k][i];
		d->nq[k] = m;
		if (!(d->le[k] = calloc(m + 1, sizeof *d->le[k])))
			return false;
	}
	if (sqlite3_prepare_v2(db, "SELECT measure, value, n FROM measure_dist",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		sqlite3_int64 n = sqlite3_column_int64(st, 2);
		int k;

		for (k = 0; k < 4 && name && strcmp(name, dist_names[k]); k++)
			;
		if (!name || k == 4 || n < 0)
			continue;
		d->le[k][dist_pos(d->q[k], d->nq[k], sqlite3_column_double(st, 1))] += (size_t)n;
		total[k] += (size_t)n;
	}
	sqlite3_finalize(st);
	d->n = total[0];   /* every measure counts the same articles */
	for (int k = 0; k < 4; k++)
		for (size_t j = 1; j <= d->nq[k]; j++)
			d->le[k][j] += d->le[k][j - 1];
	return rc == SQLITE_DONE;
}

/* Share of the corpus's values <= v (v is one of the draft's values). */
static double dist_pct(const struct dist *d, int k, double v)
{
	size_t j = dist_pos(d->q[k], d->nq[k], v);
	return d->n && j < d->nq[k] ? (double)d->le[k][j] / (double)d->n : 0;
}

/* Share of the corpus's values < v: stacking scores are sums of weights
 * with at most a few decimals, so "<= v - BELOW" is "< v" (the value
 * v - BELOW is one of the draft's values, see check_articles). */
#define BELOW 1e-9
static double dist_below(const struct dist *d, int k, double v)
{
	return dist_pct(d, k, v - BELOW);
}

static void dist_release(struct dist *d)
{
	for (int k = 0; k < 4; k++) {
		free(d->q[k]);
		free(d->le[k]);
	}
}

/* References written in the text ("artikel 3", "de artikelen 7 en 8",
 * "artikel 8 van de Algemene wet ..."): the draft carries no reference
 * markup, so they are counted in the words, the same for every format.
 * One is external when "van de"/"van het" and a capital follow within the
 * same clause. */
static void count_refs(const char *s, unsigned *in, unsigned *ext)
{
	const char *p = s;

	while ((p = strstr(p, "rtikel")) != NULL) {
		const char *q = p + 6;
		bool external = false;

		if (p == s || (p[-1] != 'a' && p[-1] != 'A') ||
		    (p - 1 > s && isalpha((unsigned char)p[-2]))) {
			p = q;
			continue;
		}
		if (!strncmp(q, "en", 2))
			q += 2;
		if (*q != ' ' || !isdigit((unsigned char)q[1])) {
			p = q;
			continue;
		}
		for (const char *t = q; *t && t < q + 90 && *t != ';' && *t != ':'; t++)
			if ((!strncmp(t, " van de ", 8) && isupper((unsigned char)t[8])) ||
			    (!strncmp(t, " van het ", 9) && isupper((unsigned char)t[9]))) {
				external = true;
				break;
			}
		if (external)
			(*ext)++;
		else
			(*in)++;
		p = q;
	}
}

static void artikel_refs(const bg_doc *doc, const char *address, unsigned *in, unsigned *ext)
{
	for (const bg_node *n = bg_doc_root(doc); n; n = bg_node_next(bg_doc_root(doc), n)) {
		if (n->kind != BG_N_ARTIKEL || strcmp(n->address, address))
			continue;
		for (const bg_node *t = n; t; t = bg_node_next(n, t))
			if (t->kind == BG_N_AL)
				count_refs(t->text, in, ext);
		return;
	}
}

static void check_articles(struct run *x, const bg_cx_doc *cx)
{
	bg_check_result *r = x->r;
	struct dist dist;
	size_t n = 0;

	memset(&dist, 0, sizeof dist);
	for (size_t i = 0; i < cx->nprov; i++)
		n += cx->provs[i].kind == BG_CX_ARTIKEL;
	for (int k = 0; k < 4; k++)
		if (!(dist.q[k] = calloc(2 * n + 1, sizeof *dist.q[k]))) {
			x->oom = true;
			goto out;
		}
	for (size_t i = 0; i < cx->nprov; i++) {
		const bg_cx_prov *p = &cx->provs[i];
		if (p->kind != BG_CX_ARTIKEL)
			continue;
		dist.q[0][dist.nq[0]++] = p->stacking;
		dist.q[0][dist.nq[0]++] = p->stacking - BELOW;
		dist.q[1][dist.nq[1]++] = p->c.conditions;
		dist.q[2][dist.nq[2]++] = p->c.exceptions;
		dist.q[3][dist.nq[3]++] = p->c.delegations;
	}
	if (!dist_load(x, &dist)) {
		x->oom = true;
		goto out;
	}
	r->corpus_articles = dist.n;
	r->arts = A(x, n, sizeof *r->arts);
	for (size_t i = 0; i < cx->nprov && r->arts; i++) {
		const bg_cx_prov *p = &cx->provs[i];
		bg_check_art *a;

		if (p->kind != BG_CX_ARTIKEL)
			continue;
		a = &r->arts[r->narts++];
		a->label = S(x, p->label);
		a->line = p->line;
		a->conditions = p->c.conditions;
		a->exceptions = p->c.exceptions;
		a->delegations = p->c.delegations;
		a->words = p->c.words;
		a->stacking = p->stacking;
		artikel_refs(x->doc, p->address, &a->refs_internal, &a->refs_external);
		a->pct_stacking = dist_pct(&dist, 0, p->stacking);
		a->pct_conditions = dist_pct(&dist, 1, p->c.conditions);
		a->pct_exceptions = dist_pct(&dist, 2, p->c.exceptions);
		a->pct_delegations = dist_pct(&dist, 3, p->c.delegations);
		/* above p90: more than 90% of the corpus's articles stack less
		 * (ties do not count, so a common value is never "above") */
		a->above_p90 = p->stacking > 0 &&
			dist_below(&dist, 0, p->stacking) > BG_CHECK_STACKING_PCT;
		if (a->above_p90)
			r->kinds |= BG_CHECK_STACKING;
	}
out:
	dist_release(&dist);
}

/* -------------------------------------------------------------- delta */

/* Definitions grouped by term key: the texts of every record joined. */
struct term {
	const char *key, *term, *where, *article;
	bg_buf text;
};

struct terms {
	struct term *v;
	size_t n, alloc;
};

static struct term *term_get(struct terms *ts, const char *key)
{
	for (size_t i = 0; i < ts->n; i++)
		if (!strcmp(ts->v[i].key, key))
			return &ts->v[i];
	if (ts->n == ts->alloc) {
		size_t na = ts->alloc ? ts->alloc * 2 : 32;
		struct term *nv = realloc(ts->v, na * sizeof *nv);
		if (!nv)
			return NULL;
		ts->v = nv;
		ts->alloc = na;
	}
	memset(&ts->v[ts->n], 0, sizeof *ts->v);
	bg_buf_init(&ts->v[ts->n].text);
	return &ts->v[ts->n++];
}

static void terms_release(struct terms *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		bg_buf_release(&ts->v[i].text);
	free(ts->v);
}

static bool term_add(struct run *x, struct terms *ts, const char *key, const char *term,
		     const char *art, const char *lid, const char *item, const char *text)
{
	struct term *t = term_get(ts, key);
	bg_buf w = BG_BUF_INIT;

	if (!t)
		return false;
	if (!t->key) {
		where(&w, art, lid, item);
		t->key = S(x, key);
		t->term = S(x, term);
		t->where = Sbuf(x, &w);
		t->article = S(x, art);
	}
	if (t->text.len)
		bg_buf_addc(&t->text, ' ');
	bg_buf_adds(&t->text, text);
	bg_buf_release(&w);
	return bg_buf_ok(&t->text);
}

static double version_score(struct run *x, const char *a, const char *b)
{
	bg_cmp_def p, q;
	double s = 1.0;

	memset(&p, 0, sizeof p);
	memset(&q, 0, sizeof q);
	p.law = p.file = p.title = p.date = p.where = p.kind = p.root_label = p.link = "";
	q = p;
	p.root = p.origin = q.root = q.origin = "version";
	p.text = a;
	q.text = b;
	if (bg_cmp_prepare(x->env->nm, x->env->phrases, &p) == BG_OK &&
	    bg_cmp_prepare(x->env->nm, x->env->phrases, &q) == BG_OK)
		s = bg_cmp_score2(&p, &q, NULL, NULL, NULL);
	bg_cmp_def_release(&p);
	bg_cmp_def_release(&q);
	return s;
}

static bool same_wording(struct run *x, const char *a, const char *b)
{
	bg_buf ka = BG_BUF_INIT, kb = BG_BUF_INIT;
	bool same;

	bg_norm_key(x->env->nm, a, strlen(a), BG_NORM_NUMBERS, &ka);
	bg_norm_key(x->env->nm, b, strlen(b), BG_NORM_NUMBERS, &kb);
	same = !strcmp(ka.s, kb.s);
	bg_buf_release(&ka);
	bg_buf_release(&kb);
	return same;
}

static void delta_defs(struct run *x, int64_t reg_id)
{
	sqlite3 *db = bg_store_db(x->env->store);
	sqlite3_stmt *st = NULL;
	struct terms old = {0}, cur = {0};
	bg_check_result *r = x->r;

	if (sqlite3_prepare_v2(db, "SELECT term_key, term, article, lid, item, text FROM definitions "
			       "WHERE regulation_id = ? AND kind <> 'inherited' ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK) {
		x->oom = true;
		return;
	}
	sqlite3_bind_int64(st, 1, reg_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c[6];
		for (int i = 0; i < 6; i++)
			c[i] = (const char *)sqlite3_column_text(st, i);
		if (!term_add(x, &old, c[0] ? c[0] : "", c[1] ? c[1] : "", c[2] ? c[2] : "",
			      c[3] ? c[3] : "", c[4] ? c[4] : "", c[5] ? c[5] : ""))
			x->oom = true;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < bg_defset_count(x->set); i++) {
		const bg_def *d = bg_defset_get(x->set, i);
		if (d->kind != BG_DEF_INHERITED &&
		    !term_add(x, &cur, d->term_key, d->term, d->article, d->lid, d->item, d->text))
			x->oom = true;
	}
	r->nddelta = 0;
	r->ddelta = A(x, old.n + cur.n, sizeof *r->ddelta);
	for (size_t i = 0; i < cur.n && r->ddelta; i++) {
		struct term *n = &cur.v[i], *o = NULL;
		bg_check_defdelta *dd;
		for (size_t j = 0; j < old.n && !o; j++)
			if (!strcmp(old.v[j].key, n->key))
				o = &old.v[j];
		if (o && same_wording(x, o->text.s, n->text.s))
			continue;
		dd = &r->ddelta[r->nddelta++];
		dd->term = n->term;
		dd->where_new = n->where;
		dd->new_text = Sbuf(x, &n->text);
		if (o) {
			dd->change = "changed";
			dd->where_old = o->where;
			dd->old_text = Sbuf(x, &o->text);
			dd->score = version_score(x, o->text.s, n->text.s);
			r->kinds |= BG_CHECK_CHANGED;
		} else {
			dd->change = "added";
			dd->where_old = dd->old_text = "";
		}
	}
	for (size_t j = 0; j < old.n && r->ddelta; j++) {
		bool found = false;
		bg_check_defdelta *dd;
		for (size_t i = 0; i < cur.n && !found; i++)
			found = !strcmp(old.v[j].key, cur.v[i].key);
		if (found)
			continue;
		dd = &r->ddelta[r->nddelta++];
		dd->term = old.v[j].term;
		dd->change = "removed";
		dd->where_old = old.v[j].where;
		dd->old_text = Sbuf(x, &old.v[j].text);
		dd->where_new = dd->new_text = "";
	}
	terms_release(&old);
	terms_release(&cur);
}

static void delta_articles(struct run *x, int64_t reg_id, const bg_cx_doc *cx)
{
	sqlite3 *db = bg_store_db(x->env->store);
	sqlite3_stmt *st = NULL;
	bg_check_result *r = x->r;
	size_t cap = cx->nprov + 16, nold = 0;
	struct { const char *label; int c, e, d; bool seen; } *old = NULL;

	if (sqlite3_prepare_v2(db, "SELECT label, conditions, exceptions, delegations "
			       "FROM provision_measures WHERE regulation_id = ? AND kind = 'artikel' "
			       "ORDER BY id", -1, &st, NULL) != SQLITE_OK) {
		x->oom = true;
		return;
	}
	sqlite3_bind_int64(st, 1, reg_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (nold % 64 == 0) {
			void *nv = realloc(old, (nold + 64) * sizeof *old);
			if (!nv) {
				x->oom = true;
				break;
			}
			old = nv;
		}
		old[nold].label = S(x, (const char *)sqlite3_column_text(st, 0));
		old[nold].c = sqlite3_column_int(st, 1);
		old[nold].e = sqlite3_column_int(st, 2);
		old[nold].d = sqlite3_column_int(st, 3);
		old[nold].seen = false;
		nold++;
	}
	sqlite3_finalize(st);
	cap += nold;
	r->adelta = A(x, cap, sizeof *r->adelta);
	for (size_t i = 0; i < cx->nprov && r->adelta; i++) {
		const bg_cx_prov *p = &cx->provs[i];
		bg_check_artdelta *a;
		size_t j;
		if (p->kind != BG_CX_ARTIKEL)
			continue;
		for (j = 0; j < nold; j++)
			if (!old[j].seen && !strcmp(old[j].label, p->label))
				break;
		if (j < nold) {
			old[j].seen = true;
			if (old[j].c == (int)p->c.conditions && old[j].e == (int)p->c.exceptions &&
			    old[j].d == (int)p->c.delegations)
				continue;
			a = &r->adelta[r->nadelta++];
			a->change = "changed";
			a->conditions = (int)p->c.conditions - old[j].c;
			a->exceptions = (int)p->c.exceptions - old[j].e;
			a->delegations = (int)p->c.delegations - old[j].d;
		} else {
			a = &r->adelta[r->nadelta++];
			a->change = "added";
			a->conditions = (int)p->c.conditions;
			a->exceptions = (int)p->c.exceptions;
			a->delegations = (int)p->c.delegations;
		}
		a->label = S(x, p->label);
	}
	for (size_t j = 0; j < nold && r->adelta; j++) {
		bg_check_artdelta *a;
		if (old[j].seen)
			continue;
		a = &r->adelta[r->nadelta++];
		a->label = old[j].label;
		a->change = "removed";
		a->conditions = -old[j].c;
		a->exceptions = -old[j].e;
		a->delegations = -old[j].d;
	}
	free(old);
}

static void set_base(struct run *x, const bg_store_reg *g)
{
	x->r->base_bwb_id = S(x, g->bwb_id);
	x->r->base_title = S(x, law_name(g));
	x->r->base_date = S(x, g->date);
	x->r->base_file = S(x, g->file);
}

static void check_amendments(struct run *x)
{
	bg_check_result *r = x->r;
	const bg_amendment *am = NULL;
	size_t n = 0;
	char bwb[32] = "";
	bg_buf title = BG_BUF_INIT;
	bg_store_rows g = {0};
	bool have = false;

	if (bg_bill_amendments(x->doc, &am, &n) != BG_OK) {
		x->oom = true;
		return;
	}
	if (!n)
		return;
	r->basis = "amends";
	r->act = "";
	for (size_t i = 0; i < n; i++)
		if (am[i].act[0]) {
			r->act = S(x, am[i].act);
			break;
		}
	if (r->act[0] && find_act(x, r->act, strlen(r->act), bwb, &title) &&
	    latest_reg(x, bwb, &g)) {
		set_base(x, &g.regs[0]);
		have = true;
	} else if (bwb[0]) {
		r->base_bwb_id = S(x, bwb);
		r->base_title = Sbuf(x, &title);
	}
	r->amends = A(x, n, sizeof *r->amends);
	for (size_t i = 0; i < n && r->amends; i++) {
		bg_check_amend *a = &r->amends[r->namends++];
		const char *t = am[i].target;

		a->onderdeel = S(x, am[i].onderdeel);
		a->action = S(x, bg_amend_action_name(am[i].action));
		a->target = S(x, t);
		a->articles = A(x, am[i].narticles, sizeof *a->articles);
		for (size_t j = 0; j < am[i].narticles && a->articles; j++)
			a->articles[a->narticles++] = S(x, am[i].articles[j]->nr);
		if (have && !strncmp(t, "artikel ", 8))
			a->target_found = has_provision(x, g.regs[0].id, g.regs[0].bwb_id, t + 8);
	}
	bg_store_rows_release(&g);
	bg_buf_release(&title);
}

/* ---------------------------------------------------------------- run */

/* The name of the bill: its short title; a Kamerstuk whose reader kept no
 * title is named by its citeertitel article ("Deze wet wordt aangehaald
 * als: Wet tegemoetkoming mantelzorg."), so that the same draft gets the
 * same name in every format. */
static const char *bill_title(struct run *x)
{
	const char *t = bg_doc_short_title(x->doc);
	const bg_node *root = bg_doc_root(x->doc);

	if (t && t[0])
		return S(x, t);
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		const char *p;
		size_t len;
		if (n->kind != BG_N_AL || !(p = strstr(n->text, "wordt aangehaald als")))
			continue;
		p += strlen("wordt aangehaald als");
		while (*p == ':' || *p == ' ')
			p++;
		len = strlen(p);
		while (len && (p[len - 1] == '.' || p[len - 1] == ' '))
			len--;
		if (len) {
			char *c = bg_arena_strndup(x->r->arena, p, len);
			if (c)
				return c;
		}
	}
	return S(x, bg_doc_title(x->doc));
}

static const char *format_name(const bg_doc *doc)
{
	switch (bg_doc_dialect(doc)) {
	case BG_DIALECT_OP: return "officiele-publicatie";
	case BG_DIALECT_DRAFT: return "text";
	default: return "bwb";
	}
}

bg_status bg_check_run(bg_check_env *e, const char *path, bg_check_result **out,
		       bg_diag *d)
{
	struct run x;
	bg_check_result *r;
	bg_cx_doc *cx = NULL;
	bg_status st;
	bool *defined = NULL, txn;

	*out = NULL;
	memset(&x, 0, sizeof x);
	if ((st = bg_bill_read(path, &x.doc, d)) != BG_OK)
		return st;
	r = calloc(1, sizeof *r);
	if (!r || !(r->arena = bg_arena_new())) {
		free(r);
		bg_doc_free(x.doc);
		return BG_ERR_NOMEM;
	}
	x.env = e;
	x.r = r;
	x.self_bwb = bg_doc_bwb_id(x.doc);
	/* one read transaction for the whole check: each statement outside
	 * one would take and drop SQLite's shared lock (four fcntl calls) and
	 * look for a journal and a WAL file (stat calls) -- some fifty times */
	txn = sqlite3_exec(bg_store_db(e->store), "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	r->file = S(&x, path);
	r->format = format_name(x.doc);
	r->bwb_id = S(&x, x.self_bwb);
	r->title = bill_title(&x);
	r->basis = r->act = r->base_bwb_id = r->base_title = r->base_date = r->base_file = "";

	if (bg_defs_extract_doc(x.doc, e->lex, e->nm, &x.set) != BG_OK) {
		st = BG_ERR_NOMEM;
		goto out;
	}

	/* terms the draft defines */
	r->ndefs = bg_defset_count(x.set);
	r->defs = A(&x, r->ndefs, sizeof *r->defs);
	for (size_t i = 0; i < r->ndefs && r->defs && !x.oom; i++)
		check_def(&x, bg_defset_get(x.set, i), &r->defs[i]);

	/* concepts it uses without defining them */
	if (bg_defset_law_count(x.set)) {
		const bg_deflaw *law = bg_defset_law(x.set, 0);
		defined = calloc(law->n_uses + 1, sizeof *defined);
		r->uses = A(&x, law->n_uses, sizeof *r->uses);
		for (size_t i = 0; i < law->n_uses && defined && r->uses && !x.oom; i++) {
			for (size_t j = 0; j < bg_defset_count(x.set) && !defined[i]; j++)
				defined[i] = !strcmp(bg_defset_get(x.set, j)->concept, law->uses[i]);
			if (defined[i])
				continue;
			check_use(&x, law->uses[i], law->use_counts[i], &r->uses[r->nuses++]);
			r->kinds |= BG_CHECK_UNDEFINED;
		}
		if (!defined)
			x.oom = true;
	}

	/* articles */
	if (!x.oom && !(cx = bg_cx_analyze(e->rules, x.doc)))
		x.oom = true;
	if (cx)
		check_articles(&x, cx);

	/* delta against the indexed version, or what an amending bill does */
	if (!x.oom && x.self_bwb[0] && cx) {
		bg_store_rows g = {0};
		if (latest_reg(&x, x.self_bwb, &g)) {
			r->basis = "version";
			set_base(&x, &g.regs[0]);
			delta_defs(&x, g.regs[0].id);
			delta_articles(&x, g.regs[0].id, cx);
		}
		bg_store_rows_release(&g);
	}
	if (!x.oom && !r->basis[0])
		check_amendments(&x);
	st = x.oom ? BG_ERR_NOMEM : BG_OK;
out:
	if (txn)
		sqlite3_exec(bg_store_db(e->store), "COMMIT", NULL, NULL, NULL);
	free(defined);
	prepset_release(&x.preps);
	bg_cx_doc_free(cx);
	bg_defset_free(x.set);
	bg_doc_free(x.doc);
	if (st != BG_OK) {
		bg_check_result_free(r);
		return st;
	}
	*out = r;
	return BG_OK;
}

void bg_check_result_free(bg_check_result *r)
{
	if (!r)
		return;
	bg_arena_free(r->arena);
	free(r);
}
