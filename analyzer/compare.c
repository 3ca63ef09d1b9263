/*
 * compare.c -- variants, divergence scores and explanations for the
 * definitions of one concept (see compare.h for the model and the
 * formula, README "Comparing a concept" for why).
 */
#include "compare.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ preparing */

bg_status bg_cmp_prepare_components(bg_norm *nm, const bg_cmp_phrases *ph, bg_cmp_def *d)
{
	return bg_components_split(nm, ph, d->text, strlen(d->text), &d->comp);
}

bg_status bg_cmp_prepare_tokens(bg_norm *nm, bg_cmp_def *d)
{
	return bg_norm_tokens(nm, d->text, strlen(d->text), BG_NORM_NUMBERS, &d->words);
}

bg_status bg_cmp_prepare_norm(bg_norm *nm, bg_cmp_def *d)
{
	bg_buf key = BG_BUF_INIT;
	bg_status st;

	if (d->norm)
		return BG_OK;
	st = bg_norm_key(nm, d->text, strlen(d->text), BG_NORM_STEM | BG_NORM_NUMBERS, &key);
	if (st == BG_OK && !(d->norm = bg_buf_detach(&key)))
		st = BG_ERR_NOMEM;
	bg_buf_release(&key);
	return st;
}

bg_status bg_cmp_prepare_words(bg_norm *nm, bg_cmp_def *d)
{
	bg_status st = bg_cmp_prepare_tokens(nm, d);

	return st == BG_OK ? bg_cmp_prepare_norm(nm, d) : st;
}

bg_status bg_cmp_prepare(bg_norm *nm, const bg_cmp_phrases *ph, bg_cmp_def *d)
{
	bg_status st = bg_cmp_prepare_components(nm, ph, d);

	return st == BG_OK ? bg_cmp_prepare_words(nm, d) : st;
}

void bg_cmp_def_release(bg_cmp_def *d)
{
	bg_components_release(&d->comp);
	bg_toklist_release(&d->words);
	free(d->norm);
	d->norm = NULL;
}

/* ------------------------------------------------------------ matching */

struct cand {
	size_t i, j;
	double sim;
};

static int cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;
	if (a->sim != b->sim)
		return a->sim > b->sim ? -1 : 1;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

static double key_sim(const bg_comp *a, const bg_comp *b)
{
	if (a->kind != b->kind)
		return 0.0;
	if (a->kind == BG_COMP_TIME)
		return strcmp(a->key, b->key) ? 0.0 : 1.0;
	return bg_comp_similarity(a->key, b->key);
}

/*
 * Greedy best-first matching of the components of A and B: ma[i] is the
 * component of B matched to A's i (SIZE_MAX if none), sim[i] its
 * similarity; likewise mb.  Returns the sum of the similarities, or -1 when
 * out of memory.
 */
static double comp_match(const bg_components *A, const bg_components *B, size_t *ma,
			 size_t *mb, double *sim)
{
	struct cand *c = NULL;
	size_t nc = 0;
	double total = 0.0;

	for (size_t i = 0; i < A->n; i++)
		ma[i] = SIZE_MAX, sim[i] = 0.0;
	for (size_t j = 0; j < B->n; j++)
		mb[j] = SIZE_MAX;
	if (A->n && B->n && !(c = malloc(A->n * B->n * sizeof *c)))
		return -1.0;
	for (size_t i = 0; i < A->n; i++)
		for (size_t j = 0; j < B->n; j++) {
			double s = key_sim(&A->v[i], &B->v[j]);
			if (s >= BG_CMP_MATCH)
				c[nc++] = (struct cand){ i, j, s };
		}
	if (nc)
		qsort(c, nc, sizeof *c, cand_cmp);
	for (size_t k = 0; k < nc; k++) {
		if (ma[c[k].i] != SIZE_MAX || mb[c[k].j] != SIZE_MAX)
			continue;
		ma[c[k].i] = c[k].j;
		mb[c[k].j] = c[k].i;
		sim[c[k].i] = c[k].sim;
		total += c[k].sim;
	}
	free(c);
	return total;
}

static bool conj_differs(const bg_components *a, const bg_components *b)
{
	return a->list_conj && b->list_conj && a->list_conj != b->list_conj;
}

double bg_cmp_comp_distance(const bg_cmp_def *a, const bg_cmp_def *b)
{
	size_t na = a->comp.n, nb = b->comp.n, den;
	size_t *ma = malloc((na + 1) * sizeof *ma), *mb = malloc((nb + 1) * sizeof *mb);
	double *sim = malloc((na + 1) * sizeof *sim), s, r;

	if (!ma || !mb || !sim) {
		r = 1.0;
		goto out;
	}
	s = comp_match(&a->comp, &b->comp, ma, mb, sim);
	if (s < 0) {
		r = 1.0;
		goto out;
	}
	den = na + nb + (conj_differs(&a->comp, &b->comp) ? 2 : 0);
	r = den ? 1.0 - 2.0 * s / (double)den : 0.0;
	if (r < 0)
		r = 0;
out:
	free(ma);
	free(mb);
	free(sim);
	return r;
}

double bg_cmp_score2(const bg_cmp_def *a, const bg_cmp_def *b, double *r,
		     double *cd, double *td)
{
	bg_diff d = BG_DIFF_INIT;
	double R, C, T;

	R = strcmp(a->origin, b->origin) ? 1.0 : 0.0;
	C = bg_cmp_comp_distance(a, b);
	T = bg_diff_tokens(&a->words, &b->words, &d) == BG_OK ? bg_diff_distance(&d) : 1.0;
	bg_diff_release(&d);
	if (r)
		*r = R;
	if (cd)
		*cd = C;
	if (td)
		*td = T;
	return BG_CMP_W_ROOT * R + BG_CMP_W_COMP * C + BG_CMP_W_TOK * T;
}

/* ------------------------------------------------- one against many */

/* The slot of key k: its own, or the empty one where it would go. */
static struct bg_cmp_slot *vocab_slot(const bg_cmp_vocab *v, const char *k, size_t n)
{
	size_t i = bg_word_hash(k, n) & (v->nslot - 1);

	while (v->slot[i].key &&
	       (v->slot[i].len != n || memcmp(v->slot[i].key, k, n)))
		i = (i + 1) & (v->nslot - 1);
	return &v->slot[i];
}

bg_status bg_cmp_vocab_init(bg_cmp_vocab *v, const bg_toklist *a)
{
	memset(v, 0, sizeof *v);
	v->a = a;
	v->na = a->n;
	for (v->nslot = 16; v->nslot < 2 * a->n + 2; v->nslot *= 2)
		;
	v->slot = calloc(v->nslot, sizeof *v->slot);
	v->ida = malloc((a->n + 1) * sizeof *v->ida);
	v->count = calloc(a->n + 2, sizeof *v->count);
	v->seen = calloc(a->n + 2, sizeof *v->seen);
	if (!v->slot || !v->ida || !v->count || !v->seen) {
		bg_cmp_vocab_release(v);
		return BG_ERR_NOMEM;
	}
	for (size_t i = 0; i < a->n; i++) {
		struct bg_cmp_slot *s = vocab_slot(v, bg_tok_key(a, i), a->v[i].key_len);
		if (!s->key) {
			s->key = bg_tok_key(a, i);
			s->len = a->v[i].key_len;
			s->id = (uint32_t)++v->nid;
		}
		v->ida[i] = s->id;
		v->count[s->id]++;
	}
	return BG_OK;
}

void bg_cmp_vocab_release(bg_cmp_vocab *v)
{
	free(v->slot);
	free(v->ida);
	free(v->count);
	free(v->seen);
	memset(v, 0, sizeof *v);
}

void bg_cmp_vocab_ids(bg_cmp_vocab *v, const bg_toklist *b, uint32_t *ids, size_t *common)
{
	size_t c = 0;

	for (size_t j = 0; j < b->n; j++) {
		uint32_t id = vocab_slot(v, bg_tok_key(b, j), b->v[j].key_len)->id;
		ids[j] = id;
		if (id && v->seen[id] < v->count[id]) {
			v->seen[id]++;
			c++;
		}
	}
	for (size_t j = 0; j < b->n; j++)
		v->seen[ids[j]] = 0;
	*common = c;
}

double bg_cmp_vocab_tok_bound(const bg_cmp_vocab *v, size_t common, size_t nb)
{
	/* the LCS is at most the words both have: the same formula with a
	 * larger numerator, so never above the exact T, also in rounding */
	return bg_diff_distance_of(common, v->na, nb);
}

double bg_cmp_vocab_tok_distance(const bg_cmp_vocab *v, const uint32_t *idb, size_t nb)
{
	size_t lcs = bg_diff_lcs_ids(v->ida, v->na, idb, nb);

	return lcs == (size_t)-1 ? -1.0 : bg_diff_distance_of(lcs, v->na, nb);
}

/* ------------------------------------------------------------- variants */

static size_t uf_find(size_t *p, size_t i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

static void uf_union(size_t *p, size_t a, size_t b)
{
	a = uf_find(p, a);
	b = uf_find(p, b);
	if (a != b)
		p[a > b ? a : b] = a < b ? a : b;
}

static int var_cmp(const void *x, const void *y)
{
	const bg_cmp_variant *a = x, *b = y;
	if (a->nlaws != b->nlaws)
		return a->nlaws > b->nlaws ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->members[0] < b->members[0] ? -1 : 1;
}

static size_t count_laws(const bg_cmp_def *defs, const size_t *m, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(defs[m[i]].law, defs[m[j]].law);
		k += !seen;
	}
	return k;
}

/* The first member of var whose kind starts with prefix, or SIZE_MAX. */
static size_t member_of_kind(const bg_cmp *c, const bg_cmp_variant *var, const char *prefix)
{
	for (size_t k = 0; k < var->n; k++)
		if (!strncmp(c->defs[var->members[k]].kind, prefix, strlen(prefix)))
			return var->members[k];
	return SIZE_MAX;
}

static bg_status group(bg_cmp *c)
{
	size_t n = c->ndefs, *parent = malloc((n + 1) * sizeof *parent), *slot;

	if (!parent)
		return BG_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			const bg_cmp_def *a = &c->defs[i], *b = &c->defs[j];
			if ((a->root[0] && !strcmp(a->root, b->root)) ||
			    (a->norm[0] && !strcmp(a->norm, b->norm)))
				uf_union(parent, i, j);
		}
	slot = malloc((n + 1) * sizeof *slot);
	c->var = calloc(n + 1, sizeof *c->var);
	if (!slot || !c->var) {
		free(parent);
		free(slot);
		return BG_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++)
		slot[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t r = uf_find(parent, i);
		bg_cmp_variant *v;
		if (slot[r] == SIZE_MAX) {
			slot[r] = c->nvar++;
			c->var[slot[r]].members = malloc(n * sizeof(size_t));
			if (!c->var[slot[r]].members) {
				free(parent);
				free(slot);
				return BG_ERR_NOMEM;
			}
		}
		v = &c->var[slot[r]];
		v->members[v->n++] = i;
	}
	free(parent);
	free(slot);
	for (size_t v = 0; v < c->nvar; v++) {
		bg_cmp_variant *var = &c->var[v];
		var->nlaws = count_laws(c->defs, var->members, var->n);
		/* the representative: an own definition (the root itself, whose
		 * kind starts with "own") if there is one, else a modified
		 * reference (it carries its own wording: "toetsvermogen: het
		 * vermogen, bedoeld in artikel 4" points to artikel 4, which
		 * takes the Wet IB 2001's with a change), else the first */
		var->rep = member_of_kind(c, var, "own");
		if (var->rep == SIZE_MAX)
			var->rep = member_of_kind(c, var, "modified");
		if (var->rep == SIZE_MAX)
			var->rep = var->members[0];
	}
	qsort(c->var, c->nvar, sizeof *c->var, var_cmp);
	for (size_t v = 0; v < c->nvar; v++)
		for (size_t k = 0; k < c->var[v].n; k++)
			c->defs[c->var[v].members[k]].variant = v;
	return BG_OK;
}

/* -------------------------------------------------------------- scoring */

/*
 * bg_cmp_run scores every pair of variant representatives, so it turns
 * their strings into numbers once: the words of each representative
 * become ids of one vocabulary of the run, each component its kind, the
 * id of its key and the ids of the key's distinct words (ascending).  A
 * pair then costs integer work: the component match intersects sorted id
 * lists, and the LCS of T runs bit-parallel against masks of the row's
 * first definition (pairs come row by row, so a thread makes the masks
 * of one row once).  Every number equals bg_cmp_score2's.
 */

/* An open-addressing table of strings (borrowed) to ids 1..n. */
struct intern {
	struct bg_cmp_slot *slot;
	size_t cap, n;
};

static uint32_t intern_id(struct intern *t, const char *k, size_t n, bool *nomem)
{
	size_t i;

	if (2 * (t->n + 1) > t->cap) {
		size_t ncap = t->cap ? 2 * t->cap : 256;
		struct bg_cmp_slot *ns = calloc(ncap, sizeof *ns);
		if (!ns) {
			*nomem = true;
			return 0;
		}
		for (size_t j = 0; j < t->cap; j++) {
			if (!t->slot[j].key)
				continue;
			i = bg_word_hash(t->slot[j].key, t->slot[j].len) & (ncap - 1);
			while (ns[i].key)
				i = (i + 1) & (ncap - 1);
			ns[i] = t->slot[j];
		}
		free(t->slot);
		t->slot = ns;
		t->cap = ncap;
	}
	i = bg_word_hash(k, n) & (t->cap - 1);
	while (t->slot[i].key && (t->slot[i].len != n || memcmp(t->slot[i].key, k, n)))
		i = (i + 1) & (t->cap - 1);
	if (!t->slot[i].key) {
		t->slot[i].key = k;
		t->slot[i].len = (uint32_t)n;
		t->slot[i].id = (uint32_t)++t->n;
	}
	return t->slot[i].id;
}

/* Words of a key that bg_comp_similarity reads at most (its CAP). */
enum { KEY_WORDS_MAX = 512 };

struct pcomp {
	bg_comp_kind kind;
	uint32_t key;          /* id of the whole key */
	uint32_t *w;           /* ids of its distinct words, ascending */
	size_t nw;
};

struct prep {
	uint32_t *ids;         /* the words of the definition */
	struct pcomp *comp;
	size_t ncomp;
};

static int u32_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* Component c as ids: its kind, its key, and the key's words as
 * bg_comp_similarity's words_of takes them (split at single spaces, empty
 * words skipped, the first KEY_WORDS_MAX distinct ones), ascending. */
static bool prep_key(struct intern *words, struct intern *keys, const bg_comp *c,
		     struct pcomp *pc, bool *nomem)
{
	const char *s = c->key;
	size_t cap = 16;

	pc->kind = c->kind;
	pc->key = intern_id(keys, c->key, strlen(c->key), nomem);
	pc->nw = 0;
	if (!(pc->w = malloc(cap * sizeof *pc->w)))
		return false;
	while (*s && pc->nw < KEY_WORDS_MAX) {
		const char *e = strchr(s, ' ');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n) {
			uint32_t id = intern_id(words, s, n, nomem);
			bool dup = false;
			for (size_t i = 0; i < pc->nw && !dup; i++)
				dup = pc->w[i] == id;
			if (!dup) {
				if (pc->nw == cap) {
					uint32_t *nw = realloc(pc->w, 2 * cap * sizeof *nw);
					if (!nw)
						return false;
					pc->w = nw;
					cap *= 2;
				}
				pc->w[pc->nw++] = id;
			}
		}
		if (!e)
			break;
		s = e + 1;
	}
	qsort(pc->w, pc->nw, sizeof *pc->w, u32_cmp);
	return !*nomem;
}

static void prep_release(struct prep *p)
{
	for (size_t i = 0; i < p->ncomp; i++)
		free(p->comp[i].w);
	free(p->comp);
	free(p->ids);
	memset(p, 0, sizeof *p);
}

/* The representatives' ids; false when out of memory. */
static bool prep_reps(const bg_cmp *c, struct prep *pr, size_t *nwords)
{
	struct intern words = { NULL, 0, 0 }, keys = { NULL, 0, 0 }, kwords = { NULL, 0, 0 };
	bool nomem = false;

	for (size_t v = 0; v < c->nvar && !nomem; v++) {
		const bg_cmp_def *d = &c->defs[c->var[v].rep];
		struct prep *p = &pr[v];
		p->ids = malloc((d->words.n + 1) * sizeof *p->ids);
		p->comp = calloc(d->comp.n + 1, sizeof *p->comp);
		if (!p->ids || !p->comp) {
			nomem = true;
			break;
		}
		for (size_t i = 0; i < d->words.n; i++)
			p->ids[i] = intern_id(&words, bg_tok_key(&d->words, i), d->words.v[i].key_len,
					      &nomem);
		for (size_t i = 0; i < d->comp.n && !nomem; i++, p->ncomp++)
			if (!prep_key(&kwords, &keys, &d->comp.v[i], &p->comp[i], &nomem))
				nomem = true;
	}
	*nwords = words.n;
	free(words.slot);
	free(keys.slot);
	free(kwords.slot);
	return !nomem;
}

/* bg_comp_similarity's Dice coefficient of the word sets, or key_sim's
 * 0 / 1, from the ids. */
static double pcomp_sim(const struct pcomp *a, const struct pcomp *b)
{
	size_t i = 0, j = 0, common = 0;

	if (a->kind != b->kind)
		return 0.0;
	if (a->key == b->key)
		return 1.0;
	if (a->kind == BG_COMP_TIME)
		return 0.0;
	while (i < a->nw && j < b->nw) {
		if (a->w[i] == b->w[j])
			common++, i++, j++;
		else if (a->w[i] < b->w[j])
			i++;
		else
			j++;
	}
	return a->nw + b->nw ? 2.0 * (double)common / (double)(a->nw + b->nw) : 1.0;
}

/* Per scoring thread: the row's masks and scratch. */
struct scorer {
	const bg_cmp *c;
	const struct prep *pr;
	uint32_t *local;       /* run word id -> id among the row's words (0: none) */
	size_t row;            /* the row whose masks are made; SIZE_MAX: none */
	uint32_t *aid, *bid;   /* the row's words and a column's words as local ids */
	size_t aaid, abid;
	bg_diff_lcsa lcsa;
	struct cand *cand;
	size_t acand;
	size_t *ma, *mb;
	size_t ama, amb;
};

static bool grow(void **p, size_t *alloc, size_t need, size_t size)
{
	void *np;

	if (need <= *alloc)
		return true;
	if (!(np = realloc(*p, need * size)))
		return false;
	*p = np;
	*alloc = need;
	return true;
}

/* comp_match's total over the ids: the same candidates in the same
 * order, so the same sum.  -1 when out of memory. */
static double pcomp_match(struct scorer *s, const struct prep *A, const struct prep *B)
{
	size_t nc = 0;
	double total = 0.0;

	if (!grow((void **)&s->cand, &s->acand, A->ncomp * B->ncomp + 1, sizeof *s->cand) ||
	    !grow((void **)&s->ma, &s->ama, A->ncomp + 1, sizeof *s->ma) ||
	    !grow((void **)&s->mb, &s->amb, B->ncomp + 1, sizeof *s->mb))
		return -1.0;
	for (size_t i = 0; i < A->ncomp; i++)
		s->ma[i] = SIZE_MAX;
	for (size_t j = 0; j < B->ncomp; j++)
		s->mb[j] = SIZE_MAX;
	for (size_t i = 0; i < A->ncomp; i++)
		for (size_t j = 0; j < B->ncomp; j++) {
			double x = pcomp_sim(&A->comp[i], &B->comp[j]);
			if (x >= BG_CMP_MATCH)
				s->cand[nc++] = (struct cand){ i, j, x };
		}
	if (nc)
		qsort(s->cand, nc, sizeof *s->cand, cand_cmp);
	for (size_t k = 0; k < nc; k++) {
		const struct cand *c = &s->cand[k];
		if (s->ma[c->i] != SIZE_MAX || s->mb[c->j] != SIZE_MAX)
			continue;
		s->ma[c->i] = c->j;
		s->mb[c->j] = c->i;
		total += c->sim;
	}
	return total;
}

/* Makes the masks of row va (its words numbered 1..k in order of first
 * occurrence).  False when out of memory. */
static bool scorer_row(struct scorer *s, size_t va)
{
	const struct prep *pa = &s->pr[va];
	size_t na = s->c->defs[s->c->var[va].rep].words.n;
	uint32_t k = 0;

	if (s->row == va)
		return true;
	if (s->row != SIZE_MAX) {
		const struct prep *old = &s->pr[s->row];
		for (size_t i = 0; i < s->lcsa.na; i++)
			s->local[old->ids[i]] = 0;
		bg_diff_lcsa_release(&s->lcsa);
		s->row = SIZE_MAX;
	}
	if (!grow((void **)&s->aid, &s->aaid, na + 1, sizeof *s->aid))
		return false;
	for (size_t i = 0; i < na; i++) {
		uint32_t *l = &s->local[pa->ids[i]];
		if (!*l)
			*l = ++k;
		s->aid[i] = *l;
	}
	if (bg_diff_lcsa_init(&s->lcsa, s->aid, na, k) != BG_OK) {
		for (size_t i = 0; i < na; i++)
			s->local[pa->ids[i]] = 0;
		return false;
	}
	s->row = va;
	return true;
}

/* bg_cmp_score2 of the representatives of pair p from the ids; false
 * when out of memory (p untouched). */
static bool score_ids(struct scorer *s, bg_cmp_pair *p)
{
	const bg_cmp_def *a = &s->c->defs[s->c->var[p->va].rep];
	const bg_cmp_def *b = &s->c->defs[s->c->var[p->vb].rep];
	const struct prep *pa = &s->pr[p->va], *pb = &s->pr[p->vb];
	size_t nb = b->words.n, lcs, den;
	double sum, C;

	if (!scorer_row(s, p->va) || !grow((void **)&s->bid, &s->abid, nb + 1, sizeof *s->bid))
		return false;
	for (size_t j = 0; j < nb; j++)
		s->bid[j] = s->local[pb->ids[j]];
	if ((lcs = bg_diff_lcsa_len(&s->lcsa, s->bid, nb)) == (size_t)-1 ||
	    (sum = pcomp_match(s, pa, pb)) < 0)
		return false;
	/* bg_cmp_comp_distance */
	den = pa->ncomp + pb->ncomp + (conj_differs(&a->comp, &b->comp) ? 2 : 0);
	C = den ? 1.0 - 2.0 * sum / (double)den : 0.0;
	if (C < 0)
		C = 0;
	p->root = strcmp(a->origin, b->origin) ? 1.0 : 0.0;
	p->comp = C;
	p->tok = bg_diff_distance_of(lcs, a->words.n, nb);
	p->score = BG_CMP_W_ROOT * p->root + BG_CMP_W_COMP * p->comp + BG_CMP_W_TOK * p->tok;
	return true;
}

static void scorer_release(struct scorer *s)
{
	bg_diff_lcsa_release(&s->lcsa);
	free(s->local);
	free(s->aid);
	free(s->bid);
	free(s->cand);
	free(s->ma);
	free(s->mb);
}

struct work {
	bg_cmp *c;
	const struct prep *pr;  /* NULL: score with bg_cmp_score2 */
	size_t nwords;          /* ids of the run's vocabulary */
	size_t next;
	pthread_mutex_t lock;
};

static void *score_worker(void *arg)
{
	struct work *w = arg;
	struct scorer s;

	memset(&s, 0, sizeof s);
	s.c = w->c;
	s.pr = w->pr;
	s.row = SIZE_MAX;
	if (w->pr && !(s.local = calloc(w->nwords + 1, sizeof *s.local)))
		s.pr = NULL;
	for (;;) {
		size_t k;
		bg_cmp_pair *p;
		pthread_mutex_lock(&w->lock);
		k = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (k >= w->c->npairs)
			break;
		p = &w->c->pairs[k];
		/* out of memory for the ids: the same numbers the long way */
		if (!s.pr || !score_ids(&s, p))
			p->score = bg_cmp_score2(&w->c->defs[w->c->var[p->va].rep],
						 &w->c->defs[w->c->var[p->vb].rep], &p->root,
						 &p->comp, &p->tok);
	}
	scorer_release(&s);
	return NULL;
}

/* qsort_r (glibc) comparator: the context is the bg_cmp, so that two
 * comparisons may run at once in different threads. */
static int pair_cmp(const void *x, const void *y, void *ctx)
{
	const bg_cmp *c = ctx;
	const bg_cmp_pair *a = &c->pairs[*(const size_t *)x];
	const bg_cmp_pair *b = &c->pairs[*(const size_t *)y];
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->va != b->va)
		return a->va < b->va ? -1 : 1;
	return a->vb < b->vb ? -1 : a->vb > b->vb;
}

static void concept_index(bg_cmp *c)
{
	size_t members = 0, all = 0;
	double h = 0.0, sum = 0.0, npairs;

	for (size_t v = 0; v < c->nvar; v++)
		members += c->var[v].nlaws;
	for (size_t v = 0; v < c->nvar && members; v++) {
		double p = (double)c->var[v].nlaws / (double)members;
		if (p > 0)
			h -= p * log2(p);
	}
	c->entropy = h + 0.0;
	c->entropy_norm = members > 1 ? h / log2((double)members) : 0.0;
	for (size_t k = 0; k < c->npairs; k++) {
		const bg_cmp_pair *p = &c->pairs[k];
		sum += p->score * (double)c->var[p->va].n * (double)c->var[p->vb].n;
		if (p->score > c->max_divergence)
			c->max_divergence = p->score;
	}
	npairs = (double)c->ndefs * (double)(c->ndefs - (c->ndefs > 0)) / 2.0;
	c->mean_divergence = npairs > 0 ? sum / npairs : 0.0;
	/* distinct laws over all definitions */
	{
		size_t *idx = malloc((c->ndefs + 1) * sizeof *idx);
		if (idx) {
			for (size_t i = 0; i < c->ndefs; i++)
				idx[i] = i;
			all = count_laws(c->defs, idx, c->ndefs);
			free(idx);
		}
	}
	c->nlaws = all;
}

bg_status bg_cmp_run(bg_norm *nm, const bg_cmp_phrases *ph, bg_cmp_def *defs,
		     size_t ndefs, unsigned jobs, bg_cmp *out)
{
	bg_status st;
	struct work w;
	pthread_t tid[BG_MAX_JOBS];
	unsigned started = 0;
	struct prep *pr;

	memset(out, 0, sizeof *out);
	out->defs = defs;
	out->ndefs = ndefs;
	for (size_t i = 0; i < ndefs; i++)
		if ((st = bg_cmp_prepare(nm, ph, &defs[i])) != BG_OK)
			return st;
	if ((st = group(out)) != BG_OK)
		return st;
	out->npairs = out->nvar * (out->nvar ? out->nvar - 1 : 0) / 2;
	out->pairs = calloc(out->npairs + 1, sizeof *out->pairs);
	out->by_score = calloc(out->npairs + 1, sizeof *out->by_score);
	if (!out->pairs || !out->by_score)
		return BG_ERR_NOMEM;
	for (size_t a = 0, k = 0; a < out->nvar; a++)
		for (size_t b = a + 1; b < out->nvar; b++, k++) {
			out->pairs[k].va = a;
			out->pairs[k].vb = b;
			out->by_score[k] = k;
		}
	w.c = out;
	w.next = 0;
	w.nwords = 0;
	w.pr = pr = calloc(out->nvar + 1, sizeof *pr);
	if (pr && !prep_reps(out, pr, &w.nwords))
		w.pr = NULL;
	pthread_mutex_init(&w.lock, NULL);
	if (jobs > BG_MAX_JOBS)
		jobs = BG_MAX_JOBS;
	for (unsigned t = 1; t < jobs && out->npairs > 16; t++)
		if (!pthread_create(&tid[started], NULL, score_worker, &w))
			started++;
	score_worker(&w);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_mutex_destroy(&w.lock);
	for (size_t v = 0; pr && v < out->nvar; v++)
		prep_release(&pr[v]);
	free(pr);
	qsort_r(out->by_score, out->npairs, sizeof *out->by_score, pair_cmp, out);
	concept_index(out);
	return BG_OK;
}

void bg_cmp_release(bg_cmp *c)
{
	for (size_t i = 0; i < c->ndefs; i++)
		bg_cmp_def_release(&c->defs[i]);
	for (size_t v = 0; v < c->nvar; v++)
		free(c->var[v].members);
	free(c->var);
	free(c->pairs);
	free(c->by_score);
	memset(c, 0, sizeof *c);
}

const bg_cmp_pair *bg_cmp_pair_of(const bg_cmp *c, size_t va, size_t vb)
{
	size_t k;

	if (va == vb || va >= c->nvar || vb >= c->nvar)
		return NULL;
	if (va > vb) {
		size_t t = va;
		va = vb;
		vb = t;
	}
	/* pairs are laid out row by row: row a holds nvar-1-a pairs */
	k = va * (2 * c->nvar - va - 1) / 2 + (vb - va - 1);
	return &c->pairs[k];
}

double bg_cmp_def_score(const bg_cmp *c, size_t da, size_t db)
{
	const bg_cmp_pair *p = bg_cmp_pair_of(c, c->defs[da].variant, c->defs[db].variant);
	return p ? p->score : 0.0;
}

/* --------------------------------------------------------- explanations */

static bool add_note(bg_cmp_explain *e, bg_note_kind k, size_t ia, size_t ib, double sim)
{
	if (e->n == e->alloc) {
		size_t na = e->alloc ? 2 * e->alloc : 16;
		bg_note *nv = realloc(e->notes, na * sizeof *nv);
		if (!nv)
			return false;
		e->notes = nv;
		e->alloc = na;
	}
	e->notes[e->n++] = (bg_note){ k, ia, ib, sim };
	return true;
}

bg_status bg_cmp_explain_pair(const bg_cmp_def *a, const bg_cmp_def *b,
			      bg_cmp_explain *out)
{
	size_t na = a->comp.n, nb = b->comp.n;
	size_t *ma = malloc((na + 1) * sizeof *ma), *mb = malloc((nb + 1) * sizeof *mb);
	double *sim = malloc((na + 1) * sizeof *sim);
	bool ok = ma && mb && sim;
	bg_status st;

	out->n = 0;
	st = bg_diff_tokens(&a->words, &b->words, &out->diff);
	if (ok && comp_match(&a->comp, &b->comp, ma, mb, sim) < 0)
		ok = false;
	if (ok && strcmp(a->origin, b->origin))
		ok = add_note(out, BG_NOTE_ROOT, SIZE_MAX, SIZE_MAX, 0.0);
	if (ok && conj_differs(&a->comp, &b->comp))
		ok = add_note(out, BG_NOTE_CONJ, SIZE_MAX, SIZE_MAX, 0.0);
	/* by kind, so that the list reads: items, exclusions, conditions,
	 * time, references */
	for (int k = 0; ok && k < BG_COMP__COUNT; k++) {
		if (k == BG_COMP_TIME) {
			/* one note when both sides have time references that
			 * differ: "A uses X; B uses Y" */
			size_t ua = SIZE_MAX, ub = SIZE_MAX;
			for (size_t i = 0; i < na && ua == SIZE_MAX; i++)
				if (a->comp.v[i].kind == BG_COMP_TIME && ma[i] == SIZE_MAX)
					ua = i;
			for (size_t j = 0; j < nb && ub == SIZE_MAX; j++)
				if (b->comp.v[j].kind == BG_COMP_TIME && mb[j] == SIZE_MAX)
					ub = j;
			if (ua != SIZE_MAX && ub != SIZE_MAX) {
				ok = add_note(out, BG_NOTE_TIME, ua, ub, 0.0);
				continue;
			}
		}
		for (size_t i = 0; ok && i < na; i++) {
			if ((int)a->comp.v[i].kind != k)
				continue;
			if (ma[i] == SIZE_MAX)
				ok = add_note(out, BG_NOTE_ONLY_A, i, SIZE_MAX, 0.0);
			else if (strcmp(a->comp.v[i].key, b->comp.v[ma[i]].key))
				ok = add_note(out, BG_NOTE_REWORDED, i, ma[i], sim[i]);
		}
		for (size_t j = 0; ok && j < nb; j++)
			if ((int)b->comp.v[j].kind == k && mb[j] == SIZE_MAX)
				ok = add_note(out, BG_NOTE_ONLY_B, SIZE_MAX, j, 0.0);
	}
	free(ma);
	free(mb);
	free(sim);
	if (!ok)
		return BG_ERR_NOMEM;
	return st;
}

void bg_cmp_explain_release(bg_cmp_explain *e)
{
	bg_diff_release(&e->diff);
	free(e->notes);
	e->notes = NULL;
	e->n = e->alloc = 0;
}

void bg_comp_quote(const bg_cmp_def *d, size_t i, size_t max, bg_buf *out)
{
	const bg_comp *c = &d->comp.v[i];
	size_t n = c->len;
	const char *s = d->text + c->start;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		bg_buf_add(out, s, n);
		bg_buf_adds(out, "...");
		return;
	}
	bg_buf_add(out, s, n);
}

static const char *verb(bg_comp_kind k, bool plural)
{
	switch (k) {
	case BG_COMP_ITEM: return plural ? "count" : "counts";
	case BG_COMP_EXCLUSION: return plural ? "exclude" : "excludes";
	case BG_COMP_CONDITION: return plural ? "require" : "requires";
	case BG_COMP_TIME: return plural ? "use the time reference" : "uses the time reference";
	case BG_COMP_REFERENCE: return plural ? "rely on" : "relies on";
	default: return "";
	}
}

static void conj_words(bg_conj c, bg_buf *out)
{
	if (c == BG_CONJ_EN)
		bg_buf_adds(out, " (one of cumulative conditions, \"en\")");
	else if (c == BG_CONJ_OF)
		bg_buf_adds(out, " (one of alternatives, \"of\")");
}

enum { QUOTE = 160 };

static void only(const bg_cmp_def *d, size_t i, const char *nd, const char *nother,
		 bg_buf *out)
{
	const bg_comp *c = &d->comp.v[i];

	bg_buf_addf(out, "%s %s \"", nd, verb(c->kind, false));
	if (c->kind == BG_COMP_TIME)
		bg_buf_adds(out, c->key);
	else
		bg_comp_quote(d, i, QUOTE, out);
	bg_buf_addc(out, '"');
	if (c->kind == BG_COMP_CONDITION || c->kind == BG_COMP_ITEM)
		conj_words(c->conj, out);
	bg_buf_addf(out, "; %s does not.", nother);
}

/* The time references of d that `other` lacks: "\"X\", \"Y\"". */
static void time_list(const bg_cmp_def *d, const bg_cmp_def *other, bg_buf *out)
{
	size_t k = 0;

	for (size_t i = 0; i < d->comp.n; i++) {
		bool shared = false;
		if (d->comp.v[i].kind != BG_COMP_TIME)
			continue;
		for (size_t j = 0; j < other->comp.n && !shared; j++)
			shared = other->comp.v[j].kind == BG_COMP_TIME &&
				 !strcmp(other->comp.v[j].key, d->comp.v[i].key);
		if (!shared)
			bg_buf_addf(out, "%s\"%s\"", k++ ? ", " : "", d->comp.v[i].key);
	}
}

void bg_note_write(const bg_note *n, const bg_cmp_def *a, const char *na,
		   const bg_cmp_def *b, const char *nb, bg_buf *out)
{
	switch (n->kind) {
	case BG_NOTE_ROOT:
		if (!a->root_label[0] && !b->root_label[0])
			bg_buf_addf(out, "%s and %s each state the meaning in a provision of their own "
				    "(%s, %s), which can be amended apart.", na, nb, a->origin, b->origin);
		else if (!b->root_label[0])
			bg_buf_addf(out, "%s takes its meaning from %s; %s states its own.", na,
				    a->root_label, nb);
		else if (!a->root_label[0])
			bg_buf_addf(out, "%s states its own meaning; %s takes it from %s.", na, nb,
				    b->root_label);
		else
			bg_buf_addf(out, "%s takes its meaning from %s; %s from %s.", na,
				    a->root_label, nb, b->root_label);
		break;
	case BG_NOTE_CONJ:
		bg_buf_addf(out, "%s joins its list %s (\"%s\"); %s %s (\"%s\").", na,
			    a->comp.list_conj == BG_CONJ_EN ? "cumulatively" : "as alternatives",
			    bg_conj_name(a->comp.list_conj), nb,
			    b->comp.list_conj == BG_CONJ_EN ? "cumulatively" : "as alternatives",
			    bg_conj_name(b->comp.list_conj));
		break;
	case BG_NOTE_TIME:
		bg_buf_addf(out, "%s uses the time reference ", na);
		time_list(a, b, out);
		bg_buf_addf(out, "; %s ", nb);
		time_list(b, a, out);
		bg_buf_adds(out, ".");
		break;
	case BG_NOTE_ONLY_A:
		only(a, n->ia, na, nb, out);
		break;
	case BG_NOTE_ONLY_B:
		only(b, n->ib, nb, na, out);
		break;
	case BG_NOTE_REWORDED:
		if (n->sim >= 1.0)
			bg_buf_addf(out, "Both %s this, the same words in another order: %s \"",
				    verb(a->comp.v[n->ia].kind, true), na);
		else
			bg_buf_addf(out, "Both %s this, in other words (similarity %.2f): %s \"",
				    verb(a->comp.v[n->ia].kind, true), n->sim, na);
		bg_comp_quote(a, n->ia, QUOTE, out);
		bg_buf_addf(out, "\"; %s \"", nb);
		bg_comp_quote(b, n->ib, QUOTE, out);
		bg_buf_adds(out, "\".");
		if (a->comp.v[n->ia].conj != b->comp.v[n->ib].conj &&
		    a->comp.v[n->ia].conj && b->comp.v[n->ib].conj)
			bg_buf_addf(out, " %s makes it %s, %s %s.", na,
				    a->comp.v[n->ia].conj == BG_CONJ_EN ? "cumulative" : "an alternative",
				    nb, b->comp.v[n->ib].conj == BG_CONJ_EN ? "cumulative" : "an alternative");
		break;
	}
}
