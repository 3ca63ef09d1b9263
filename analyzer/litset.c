/*
 * litset.c -- literal presence in one pass (litset.h): the Aho-Corasick
 * automaton (Aho & Corasick 1975, "Efficient string matching") with the
 * failure links folded into a full transition table, so a scan is one
 * lookup per byte and no backtracking.  Each state carries the set of
 * literals that end there, its own and those of its failure chain.
 * Bytes are mapped to classes first (the bytes of the literals, and one
 * class for every other byte), which shrinks the table from 256 columns
 * to a few dozen.  Literals anchored at the start or the end of the text
 * stay out of the automaton and are compared there after the scan.
 */
#include "litset.h"

#include <stdlib.h>
#include <string.h>

struct bg_litset {
	char **lits;
	size_t *lens;
	unsigned char *at;  /* bg_lit_anchor of each literal */
	size_t n, alloc;
	size_t *anch;       /* the anchored literals' indexes */
	size_t nanch;
	uint16_t cls[256];  /* byte -> class: bytes no literal has share class 0 */
	size_t ncls;
	int32_t *delta;     /* while building: nstates * ncls, -1 no edge yet */
	uint64_t *out;      /* nstates * nwords */
	bool *has_out;
	size_t nstates, nwords;
	/*
	 * The automaton a scan runs: states renumbered so that those where a
	 * literal ends come last (from out_from on), and each edge holding
	 * its target's row offset (state * ncls), so a step is one load and
	 * one compare; in 16 bits when every offset fits (next16: a few
	 * dozen KB, in the first-level cache), else in 32 (next32).
	 */
	uint16_t *next16;
	uint32_t *next32;
	size_t out_from;    /* the first row offset of a state with literals */
	uint64_t *rows;     /* the literals of output state out_from/ncls + k at k * nwords */
	bool built;
};

bg_litset *bg_litset_new(void)
{
	return calloc(1, sizeof(bg_litset));
}

/* The tables only bg_litset_build uses (renumber makes the scan's). */
static void free_build_tables(bg_litset *ls)
{
	free(ls->delta);
	free(ls->out);
	free(ls->has_out);
	ls->delta = NULL;
	ls->out = NULL;
	ls->has_out = NULL;
}

void bg_litset_free(bg_litset *ls)
{
	if (!ls)
		return;
	for (size_t i = 0; i < ls->n; i++)
		free(ls->lits[i]);
	free(ls->lits);
	free(ls->lens);
	free(ls->at);
	free(ls->anch);
	free_build_tables(ls);
	free(ls->next16);
	free(ls->next32);
	free(ls->rows);
	free(ls);
}

long bg_litset_find_at(const bg_litset *ls, const char *lit, size_t n, bg_lit_anchor at)
{
	for (size_t i = 0; i < ls->n; i++)
		if (ls->lens[i] == n && ls->at[i] == at && !memcmp(ls->lits[i], lit, n))
			return (long)i;
	return -1;
}

long bg_litset_find(const bg_litset *ls, const char *lit, size_t n)
{
	return bg_litset_find_at(ls, lit, n, BG_LIT_ANY);
}

long bg_litset_add_at(bg_litset *ls, const char *lit, size_t n, bg_lit_anchor at)
{
	char *copy;
	long have;

	if (ls->built || !n || at > BG_LIT_END)
		return -1;
	if ((have = bg_litset_find_at(ls, lit, n, at)) >= 0)
		return have;
	if (ls->n == ls->alloc) {
		size_t na = ls->alloc ? ls->alloc * 2 : 32;
		char **l = realloc(ls->lits, na * sizeof *l);
		size_t *z, *k;
		unsigned char *a;
		if (!l)
			return -1;
		ls->lits = l;
		if (!(z = realloc(ls->lens, na * sizeof *z)))
			return -1;
		ls->lens = z;
		if (!(a = realloc(ls->at, na * sizeof *a)))
			return -1;
		ls->at = a;
		if (!(k = realloc(ls->anch, na * sizeof *k)))
			return -1;
		ls->anch = k;
		ls->alloc = na;
	}
	if (!(copy = malloc(n)))
		return -1;
	memcpy(copy, lit, n);
	ls->lits[ls->n] = copy;
	ls->lens[ls->n] = n;
	ls->at[ls->n] = (unsigned char)at;
	if (at != BG_LIT_ANY)
		ls->anch[ls->nanch++] = ls->n;
	return (long)ls->n++;
}

long bg_litset_add(bg_litset *ls, const char *lit, size_t n)
{
	return bg_litset_add_at(ls, lit, n, BG_LIT_ANY);
}

/* The scan's automaton from delta, out and has_out (see the struct),
 * which are freed.  False when out of memory. */
static bool renumber(bg_litset *ls)
{
	size_t ns = ls->nstates, nc = ls->ncls, nw = ls->nwords, nout = 0, k = 0;
	size_t *id = malloc(ns * sizeof *id);
	bool wide = ns * nc > UINT16_MAX;

	if (!id)
		return false;
	/* the root (no literal ends there) keeps 0 */
	for (size_t st = 0; st < ns; st++)
		if (!ls->has_out[st])
			id[st] = k++;
	ls->out_from = k * nc;
	for (size_t st = 0; st < ns; st++)
		if (ls->has_out[st])
			id[st] = k++, nout++;
	ls->rows = calloc(nout ? nout * nw : 1, sizeof *ls->rows);
	if (wide)
		ls->next32 = malloc(ns * nc * sizeof *ls->next32);
	else
		ls->next16 = malloc(ns * nc * sizeof *ls->next16);
	if (!ls->rows || !(wide ? (void *)ls->next32 : (void *)ls->next16)) {
		free(id);
		return false;
	}
	for (size_t st = 0; st < ns; st++) {
		size_t row = id[st] * nc;
		for (size_t c = 0; c < nc; c++) {
			size_t to = id[ls->delta[st * nc + c]] * nc;
			if (wide)
				ls->next32[row + c] = (uint32_t)to;
			else
				ls->next16[row + c] = (uint16_t)to;
		}
		if (ls->has_out[st])
			memcpy(ls->rows + (row - ls->out_from) / nc * nw, ls->out + st * nw,
			       nw * sizeof *ls->rows);
	}
	free(id);
	free_build_tables(ls);
	return true;
}

bg_status bg_litset_build(bg_litset *ls)
{
	size_t max = 1, nw = ls->n / 64 + 1;
	int32_t *fail = NULL, *queue = NULL;
	size_t qh = 0, qt = 0;

	if (ls->built)
		return BG_OK;
	for (size_t i = 0; i < ls->n; i++)
		max += ls->lens[i];
	/* byte classes: each byte of a literal its own, all others one */
	memset(ls->cls, 0, sizeof ls->cls);
	ls->ncls = 1;
	for (size_t i = 0; i < ls->n; i++)
		for (size_t k = 0; ls->at[i] == BG_LIT_ANY && k < ls->lens[i]; k++) {
			unsigned char b = (unsigned char)ls->lits[i][k];
			if (!ls->cls[b])
				ls->cls[b] = (uint16_t)ls->ncls++;
		}
	ls->nwords = nw;
	ls->delta = malloc(max * ls->ncls * sizeof *ls->delta);
	ls->out = calloc(max * nw, sizeof *ls->out);
	ls->has_out = calloc(max, sizeof *ls->has_out);
	fail = calloc(max, sizeof *fail);
	queue = malloc(max * sizeof *queue);
	if (!ls->delta || !ls->out || !ls->has_out || !fail || !queue) {
		free(fail);
		free(queue);
		return BG_ERR_NOMEM;
	}
	memset(ls->delta, 0xff, max * ls->ncls * sizeof *ls->delta);   /* -1: no edge yet */
	ls->nstates = 1;
	/* the trie */
	for (size_t i = 0; i < ls->n; i++) {
		int32_t s = 0;
		if (ls->at[i] != BG_LIT_ANY)
			continue;
		for (size_t k = 0; k < ls->lens[i]; k++) {
			int32_t *e = &ls->delta[(size_t)s * ls->ncls +
						ls->cls[(unsigned char)ls->lits[i][k]]];
			if (*e < 0)
				*e = (int32_t)ls->nstates++;
			s = *e;
		}
		ls->out[(size_t)s * nw + i / 64] |= (uint64_t)1 << (i % 64);
		ls->has_out[s] = true;
	}
	/* breadth first: failure links, folded into the table */
	for (size_t c = 0; c < ls->ncls; c++) {
		int32_t *e = &ls->delta[c];
		if (*e < 0) {
			*e = 0;
		} else {
			fail[*e] = 0;
			queue[qt++] = *e;
		}
	}
	while (qh < qt) {
		int32_t r = queue[qh++];
		for (size_t c = 0; c < ls->ncls; c++) {
			int32_t *e = &ls->delta[(size_t)r * ls->ncls + c];
			int32_t via = ls->delta[(size_t)fail[r] * ls->ncls + c];
			if (*e < 0) {
				*e = via;
				continue;
			}
			fail[*e] = via;
			for (size_t w = 0; w < nw; w++)
				ls->out[(size_t)*e * nw + w] |= ls->out[(size_t)via * nw + w];
			ls->has_out[*e] = ls->has_out[*e] || ls->has_out[via];
			queue[qt++] = *e;
		}
	}
	free(fail);
	free(queue);
	if (!renumber(ls))
		return BG_ERR_NOMEM;
	ls->built = true;
	return BG_OK;
}

size_t bg_litset_count(const bg_litset *ls) { return ls->n; }

size_t bg_litset_words(const bg_litset *ls) { return ls->nwords ? ls->nwords : ls->n / 64 + 1; }

/* A literal ends at the state with row offset at (at >= out_from). */
static void found(const bg_litset *ls, size_t at, uint64_t *bits)
{
	const uint64_t *row = ls->rows + (at - ls->out_from) / ls->ncls * ls->nwords;

	for (size_t w = 0; w < ls->nwords; w++)
		bits[w] |= row[w];
}

void bg_litset_scan(const bg_litset *ls, const char *s, size_t n, uint64_t *bits)
{
	const uint16_t *cls = ls->cls;
	const unsigned char *t = (const unsigned char *)s;
	size_t from = ls->out_from, at = 0;

	memset(bits, 0, bg_litset_words(ls) * sizeof *bits);
	if (!ls->built)
		return;
	if (ls->next16) {
		const uint16_t *next = ls->next16;
		for (size_t i = 0; i < n; i++)
			if ((at = next[at + cls[t[i]]]) >= from)
				found(ls, at, bits);
	} else {
		const uint32_t *next = ls->next32;
		for (size_t i = 0; i < n; i++)
			if ((at = next[at + cls[t[i]]]) >= from)
				found(ls, at, bits);
	}
	/* the anchored ones in place; their first and last bytes tell most
	 * apart without a call (a paragraph tried about 30 of them) */
	for (size_t k = 0; k < ls->nanch; k++) {
		size_t i = ls->anch[k], m = ls->lens[i];
		const unsigned char *p, *l = (const unsigned char *)ls->lits[i];
		if (m > n)
			continue;
		p = ls->at[i] == BG_LIT_START ? t : t + n - m;
		if (!m || (p[0] == l[0] && p[m - 1] == l[m - 1] && !memcmp(l, p, m)))
			bits[i / 64] |= (uint64_t)1 << (i % 64);
	}
}
