/*
 * diff.c -- word-level diff over bg_norm tokens (see diff.h).
 */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

static bool same(const bg_toklist *a, size_t i, const bg_toklist *b, size_t j)
{
	return a->v[i].key_len == b->v[j].key_len &&
	       !memcmp(bg_tok_key(a, i), bg_tok_key(b, j), a->v[i].key_len);
}

/* Appends one token step, merging it into the last run when contiguous. */
static bool step(bg_diff *d, bg_diff_op op, size_t i, size_t j, size_t ni, size_t nj)
{
	bg_diff_run *r = d->n ? &d->v[d->n - 1] : NULL;

	if (r && r->op == op && r->a1 == i && r->b1 == j) {
		r->a1 += ni;
		r->b1 += nj;
		return true;
	}
	if (d->n == d->alloc) {
		size_t na = d->alloc ? 2 * d->alloc : 16;
		bg_diff_run *nv = realloc(d->v, na * sizeof *nv);
		if (!nv)
			return false;
		d->v = nv;
		d->alloc = na;
	}
	d->v[d->n++] = (bg_diff_run){ op, i, i + ni, j, j + nj };
	return true;
}

bg_status bg_diff_tokens(const bg_toklist *a, const bg_toklist *b, bg_diff *out)
{
	size_t pre = 0, suf = 0, m, n, i, j;
	uint32_t *L = NULL;

	out->n = 0;
	out->lcs = 0;
	out->na = a->n;
	out->nb = b->n;
	out->exact = true;
	while (pre < a->n && pre < b->n && same(a, pre, b, pre))
		pre++;
	while (suf < a->n - pre && suf < b->n - pre &&
	       same(a, a->n - 1 - suf, b, b->n - 1 - suf))
		suf++;
	if (pre && !step(out, BG_DIFF_EQ, 0, 0, pre, pre))
		return BG_ERR_NOMEM;
	m = a->n - pre - suf;
	n = b->n - pre - suf;
	if (m && n && (m + 1) <= BG_DIFF_MAX_CELLS / (n + 1))
		L = calloc((m + 1) * (n + 1), sizeof *L);
	if (m && n && !L) {
		/* too large (or no memory): one replacement */
		out->exact = false;
		if (!step(out, BG_DIFF_DEL, pre, pre, m, 0) ||
		    !step(out, BG_DIFF_INS, pre + m, pre, 0, n))
			return BG_ERR_NOMEM;
	} else if (L) {
		/* L[i][j] = LCS of A[pre+i..], B[pre+j..] */
		for (i = m; i-- > 0;)
			for (j = n; j-- > 0;) {
				uint32_t *c = &L[i * (n + 1) + j];
				if (same(a, pre + i, b, pre + j))
					*c = L[(i + 1) * (n + 1) + j + 1] + 1;
				else {
					uint32_t down = L[(i + 1) * (n + 1) + j];
					uint32_t right = L[i * (n + 1) + j + 1];
					*c = down >= right ? down : right;
				}
			}
		i = j = 0;
		while (i < m || j < n) {
			bool ok;
			if (i < m && j < n && same(a, pre + i, b, pre + j)) {
				ok = step(out, BG_DIFF_EQ, pre + i, pre + j, 1, 1);
				out->lcs++;
				i++, j++;
			} else if (j == n || (i < m && L[(i + 1) * (n + 1) + j] >= L[i * (n + 1) + j + 1])) {
				ok = step(out, BG_DIFF_DEL, pre + i, pre + j, 1, 0);
				i++;
			} else {
				ok = step(out, BG_DIFF_INS, pre + i, pre + j, 0, 1);
				j++;
			}
			if (!ok) {
				free(L);
				return BG_ERR_NOMEM;
			}
		}
		free(L);
	} else if (m) {
		if (!step(out, BG_DIFF_DEL, pre, pre, m, 0))
			return BG_ERR_NOMEM;
	} else if (n) {
		if (!step(out, BG_DIFF_INS, pre, pre, 0, n))
			return BG_ERR_NOMEM;
	}
	if (suf && !step(out, BG_DIFF_EQ, a->n - suf, b->n - suf, suf, suf))
		return BG_ERR_NOMEM;
	out->lcs += pre + suf;
	return BG_OK;
}

void bg_diff_release(bg_diff *d)
{
	free(d->v);
	*d = (bg_diff)BG_DIFF_INIT;
}

double bg_diff_distance_of(size_t lcs, size_t na, size_t nb)
{
	if (!na && !nb)
		return 0.0;
	return 1.0 - 2.0 * (double)lcs / (double)(na + nb);
}

double bg_diff_distance(const bg_diff *d)
{
	return bg_diff_distance_of(d->lcs, d->na, d->nb);
}

/* The common prefix and suffix of two id lists, and the lengths of the
 * middles; false when there is nothing to align (a middle is empty) or
 * the middles are too large to (one replacement): the LCS is then
 * pre + suf. */
static bool middles(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t *pre,
		    size_t *suf, size_t *m, size_t *n)
{
	*pre = *suf = 0;
	while (*pre < na && *pre < nb && a[*pre] == b[*pre])
		(*pre)++;
	while (*suf < na - *pre && *suf < nb - *pre && a[na - 1 - *suf] == b[nb - 1 - *suf])
		(*suf)++;
	*m = na - *pre - *suf;
	*n = nb - *pre - *suf;
	return *m && *n && (*m + 1) <= BG_DIFF_MAX_CELLS / (*n + 1);
}

size_t bg_diff_lcs_ids(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t pre, suf, m, n, lcs;
	uint32_t *row;

	if (!middles(a, na, b, nb, &pre, &suf, &m, &n))
		return pre + suf;
	a += pre;
	b += pre;
	/* row[j] = LCS of a[i..m) and b[j..n), for i from m down to 0 */
	if (!(row = calloc(n + 1, sizeof *row)))
		return (size_t)-1;
	for (size_t i = m; i-- > 0;) {
		uint32_t diag = 0;   /* row[j + 1] of the row below */
		for (size_t j = n; j-- > 0;) {
			uint32_t down = row[j], c;
			if (a[i] == b[j])
				c = diag + 1;
			else
				c = down >= row[j + 1] ? down : row[j + 1];
			diag = down;
			row[j] = c;
		}
	}
	lcs = row[0];
	free(row);
	return pre + suf + lcs;
}

bg_status bg_diff_lcsa_init(bg_diff_lcsa *l, const uint32_t *a, size_t na, size_t nid)
{
	l->a = a;
	l->na = na;
	l->nid = nid;
	l->w = (na + 63) / 64;
	l->mask = calloc((nid + 1) * (l->w ? l->w : 1), sizeof *l->mask);
	if (!l->mask)
		return BG_ERR_NOMEM;
	for (size_t i = 0; i < na; i++)
		l->mask[a[i] * l->w + i / 64] |= (uint64_t)1 << (i % 64);
	return BG_OK;
}

void bg_diff_lcsa_release(bg_diff_lcsa *l)
{
	free(l->mask);
	memset(l, 0, sizeof *l);
}

/* V holds a zero for each position of A that ends a step of the LCS so
 * far; per token of B, with M its mask and U = V & M, V becomes (V + U) |
 * (V & ~M), the sum carried across the words. */
size_t bg_diff_lcsa_len(const bg_diff_lcsa *l, const uint32_t *b, size_t nb)
{
	size_t na = l->na, w = l->w, pre, suf, m, n, zeros = 0;
	uint64_t one[64], *v = one;

	/* the LCS of the whole lists: the prefix and suffix plus the
	 * middles' (the same number, and the same limit, as the table's) */
	if (!middles(l->a, na, b, nb, &pre, &suf, &m, &n))
		return pre + suf;
	if (w > sizeof one / sizeof *one && !(v = malloc(w * sizeof *v)))
		return (size_t)-1;
	for (size_t k = 0; k < w; k++)
		v[k] = ~(uint64_t)0;
	if (w == 1) {
		for (size_t j = 0; j < nb; j++) {
			uint64_t mk = l->mask[b[j]], u = v[0] & mk;
			v[0] = (v[0] + u) | (v[0] & ~mk);
		}
	} else {
		for (size_t j = 0; j < nb; j++) {
			const uint64_t *mk = l->mask + (size_t)b[j] * w;
			uint64_t carry = 0;
			for (size_t k = 0; k < w; k++) {
				uint64_t u = v[k] & mk[k], s = v[k] + u, t = s + carry;
				carry = (s < u) | (t < s);
				v[k] = t | (v[k] & ~mk[k]);
			}
		}
	}
	for (size_t k = 0; k < w; k++) {
		uint64_t live = k + 1 < w || na % 64 == 0 ? ~(uint64_t)0 :
				((uint64_t)1 << (na % 64)) - 1;
		zeros += (size_t)__builtin_popcountll(~v[k] & live);
	}
	if (v != one)
		free(v);
	return zeros;
}

void bg_diff_span(const bg_toklist *l, size_t text_len, size_t t0, size_t t1,
		  size_t *start, size_t *end)
{
	*start = t0 == 0 ? 0 : t0 < l->n ? l->v[t0].start : text_len;
	*end = t1 < l->n ? l->v[t1].start : text_len;
	if (t0 == t1)
		*end = *start;
}

void bg_diff_words(const bg_toklist *l, const char *text, size_t t0, size_t t1,
		   size_t *s, size_t *e)
{
	size_t p = t0 ? l->v[t0 - 1].start + l->v[t0 - 1].len : 0;

	/* separators belong between the words, not to them */
	while (p < l->v[t0].start && strchr(" \n\t,;:.", text[p]))
		p++;
	*s = p;
	*e = l->v[t1 - 1].start + l->v[t1 - 1].len;
}

void bg_diff_write_plain(const bg_diff *d, const char *ta, size_t la,
			 const bg_toklist *a, const char *tb, size_t lb,
			 const bg_toklist *b, bg_buf *out)
{
	size_t s, e, gs, ge;

	(void)lb;
	for (size_t r = 0; r < d->n; r++) {
		const bg_diff_run *run = &d->v[r];
		switch (run->op) {
		case BG_DIFF_EQ:
			bg_diff_span(a, la, run->a0, run->a1, &s, &e);
			bg_buf_add(out, ta + s, e - s);
			break;
		case BG_DIFF_DEL:
			bg_diff_span(a, la, run->a0, run->a1, &gs, &ge);
			bg_diff_words(a, ta, run->a0, run->a1, &s, &e);
			bg_buf_add(out, ta + gs, s - gs);
			bg_buf_adds(out, "[-");
			bg_buf_add(out, ta + s, e - s);
			bg_buf_adds(out, "-]");
			bg_buf_add(out, ta + e, ge - e);
			break;
		case BG_DIFF_INS:
			bg_diff_words(b, tb, run->b0, run->b1, &s, &e);
			if (out->len && out->s[out->len - 1] != ' ' && out->s[out->len - 1] != ']')
				bg_buf_addc(out, ' ');
			bg_buf_adds(out, "{+");
			bg_buf_add(out, tb + s, e - s);
			bg_buf_adds(out, "+}");
			if (run->a0 < a->n)
				bg_buf_addc(out, ' ');
			break;
		}
	}
}
