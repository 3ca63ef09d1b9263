/*
 * concept_defs.c -- grouping definition records into the definitions of a
 * concept (see concept_defs.h); shared by `begrip compare` and the report.
 */
#include "concept_defs.h"

#include <stdlib.h>
#include <string.h>

struct bg_cdgroup *bg_cdgroup_get(struct bg_cdgroups *g, size_t doc, const char *article,
			       const char *term_key)
{
	for (size_t i = g->n; i-- > 0;)
		if (g->v[i].doc == doc && !strcmp(g->v[i].article, article) &&
		    (!term_key || !strcmp(g->v[i].term_key, term_key)))
			return &g->v[i];
	if (g->n == g->alloc) {
		size_t na = g->alloc ? 2 * g->alloc : 32;
		struct bg_cdgroup *nv = realloc(g->v, na * sizeof *nv);
		if (!nv)
			return NULL;
		g->v = nv;
		g->alloc = na;
	}
	g->v[g->n] = (struct bg_cdgroup){ doc, article, term_key ? term_key : "", NULL, 0, 0 };
	return &g->v[g->n++];
}

bool bg_cdgroup_add(struct bg_cdgroup *gr, size_t rec)
{
	if (gr->n == gr->alloc) {
		size_t na = gr->alloc ? 2 * gr->alloc : 4;
		size_t *nv = realloc(gr->recs, na * sizeof *nv);
		if (!nv)
			return false;
		gr->recs = nv;
		gr->alloc = na;
	}
	gr->recs[gr->n++] = rec;
	return true;
}

void bg_cdgroups_release(struct bg_cdgroups *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].recs);
	free(g->v);
	memset(g, 0, sizeof *g);
}

static const char *keep(struct bg_cdbuild *b, bg_buf *buf)
{
	const char *s = bg_buf_ok(buf) ? bg_arena_strndup(b->arena, buf->s, buf->len) : NULL;
	if (!s) {
		b->nomem = true;
		return "";
	}
	return s;
}

/* "BWBR0018472/artikel=3"; with every version kept, "...@2025-01-01" so
 * that two versions of one article are two meanings. */
static void provision_key(const struct bg_cdbuild *b, const char *bwb, const char *article,
			  const char *date, bg_buf *out)
{
	bg_buf_clear(out);
	bg_buf_addf(out, "%s/artikel=%s", bwb, article);
	if (b->dated && date[0])
		bg_buf_addf(out, "@%s", date);
}

enum { NAME_MAX_LEN = 50 };

/*
 * How a regulation is named in the output: its citeertitel or short title;
 * a long intitule ("Wet van 6 november 1986, houdende ...") is replaced by
 * the longest name the lexicon's abbreviations give for the BWB id that
 * fits, else cut at a word boundary.
 */
static const char *short_name(struct bg_cdbuild *b, const char *bwb_id, const char *t);

static const char *law_name(struct bg_cdbuild *b, const bg_def *d)
{
	const bg_deflaw *l = bg_defset_law(b->set, d->doc_index);
	return short_name(b, d->bwb_id, l && l->short_title[0] ? l->short_title :
				       d->law_title[0] ? d->law_title : d->bwb_id);
}

static const char *short_name(struct bg_cdbuild *b, const char *bwb_id, const char *t)
{
	const char *best = NULL;
	size_t n = strlen(t);
	bg_buf cut = BG_BUF_INIT;

	if (n <= NAME_MAX_LEN || !b->lex)
		return t;
	for (size_t i = 0; i < bg_lexicon_abbrev_count(b->lex); i++) {
		const char *nm = bg_lexicon_abbrev_name(b->lex, i);
		size_t k = strlen(nm);
		if (strcmp(bg_lexicon_abbrev_bwb(b->lex, i), bwb_id) || k > NAME_MAX_LEN)
			continue;
		if (!best || k > strlen(best))
			best = nm;
	}
	if (best)
		return best;
	n = NAME_MAX_LEN;
	while (n > 0 && t[n] != ' ')
		n--;
	bg_buf_add(&cut, t, n ? n : NAME_MAX_LEN);
	bg_buf_adds(&cut, " ...");
	t = keep(b, &cut);
	bg_buf_release(&cut);
	return t;
}

static void join_text(bg_buf *out, const char *t)
{
	if (!t[0])
		return;
	if (out->len) {
		char last = out->s[out->len - 1];
		bg_buf_adds(out, last == '.' || last == ';' || last == ':' ? " " : "; ");
	}
	bg_buf_adds(out, t);
}

/* The wording of the meaning a root record gives: every record of its
 * regulation and article for the same concept (or the same term), taken
 * from the version of the regulation that counts when the corpus holds
 * several (references resolve to any version). */
static void root_text(struct bg_cdbuild *b, const bg_def *root, bg_buf *out)
{
	const bg_defset *set = b->set;
	size_t n = bg_defset_count(set), before = out->len, doc = root->doc_index;

	if (b->latest && !b->latest[doc]) {
		for (size_t i = 0; i < bg_defset_law_count(set); i++)
			if (b->latest[i] && !strcmp(bg_defset_law(set, i)->bwb_id, root->bwb_id))
				doc = i;
	}
	for (int pass = 0; pass < 2 && out->len == before; pass++) {
		for (size_t i = 0; i < n; i++) {
			const bg_def *d = bg_defset_get(set, i);
			if (d->doc_index != doc || strcmp(d->article, root->article))
				continue;
			if (root->concept[0] ? strcmp(d->concept, root->concept) :
					       strcmp(d->term_key, root->term_key))
				continue;
			if (d->kind == BG_DEF_REFERENCE || d->kind == BG_DEF_INHERITED)
				continue;
			join_text(out, d->text);
		}
		doc = root->doc_index;
	}
	if (out->len == before)
		join_text(out, root->text);
}

static void root_key(const struct bg_cdbuild *b, const bg_def *d, bg_buf *out)
{
	bg_buf_clear(out);
	if (d->root)
		provision_key(b, d->root->bwb_id, d->root->article, d->root->date, out);
	else if (d->target_bwb_id[0])
		provision_key(b, d->target_bwb_id, d->target_article, "", out);
}

static void root_label(struct bg_cdbuild *b, const bg_def *d, bg_buf *out)
{
	const char *bwb = d->root ? d->root->bwb_id : d->target_bwb_id;
	const char *art = d->root ? d->root->article : d->target_article;
	const char *t = d->root ? law_name(b, d->root) : bg_defset_title(b->set, bwb);

	if (!d->root && t)
		t = short_name(b, bwb, t);

	bg_buf_clear(out);
	bg_buf_adds(out, t && t[0] ? t : bwb);
	if (art[0])
		bg_buf_addf(out, " artikel %s", art);
	if (d->chain_status[0] && strcmp(d->chain_status, "ok"))
		bg_buf_addf(out, " (chain %s)", d->chain_status);
}

/* Fills one bg_cmp_def from a group of records. */
void bg_cdbuild_def(struct bg_cdbuild *b, const struct bg_cdgroup *g, bg_cmp_def *out)
{
	const bg_defset *set = b->set;
	const bg_def *first = bg_defset_get(set, g->recs[0]);
	const bg_def *ref = NULL;
	bg_buf t = BG_BUF_INIT, k = BG_BUF_INIT, own = BG_BUF_INIT;
	size_t n_own = 0, n_mod = 0, n_ref = 0;
	bool one_root = true;

	memset(out, 0, sizeof *out);
	out->law = first->bwb_id;
	out->file = first->file;
	out->title = law_name(b, first);
	out->date = first->date;
	out->link = first->link;
	/* where: "artikel 3 lid 1, 2" */
	if (first->article[0]) {
		bg_buf_addf(&t, "artikel %s", first->article);
		for (size_t i = 0, nl = 0; i < g->n; i++) {
			const bg_def *d = bg_defset_get(set, g->recs[i]);
			bool seen = false;
			if (!d->lid[0])
				continue;
			for (size_t j = 0; j < i && !seen; j++)
				seen = !strcmp(bg_defset_get(set, g->recs[j])->lid, d->lid);
			if (!seen)
				bg_buf_addf(&t, "%s%s", nl++ ? ", " : " lid ", d->lid);
		}
	}
	out->where = keep(b, &t);
	provision_key(b, first->bwb_id, first->article[0] ? first->article : first->term_key,
		      first->date, &own);

	for (size_t i = 0; i < g->n; i++) {
		const bg_def *d = bg_defset_get(set, g->recs[i]);
		bool resolved = d->root || d->target_bwb_id[0];
		switch (d->kind) {
		case BG_DEF_REFERENCE:
		case BG_DEF_INHERITED:
			if (!resolved) {
				n_own++;
				break;
			}
			n_ref++;
			break;
		case BG_DEF_MODIFIED_REFERENCE:
			n_mod++;
			break;
		default:
			n_own++;
		}
		if ((d->kind == BG_DEF_REFERENCE || d->kind == BG_DEF_INHERITED ||
		     d->kind == BG_DEF_MODIFIED_REFERENCE) && resolved) {
			if (!ref) {
				ref = d;
			} else {
				bg_buf a = BG_BUF_INIT, c = BG_BUF_INIT;
				root_key(b, ref, &a);
				root_key(b, d, &c);
				one_root = one_root && !strcmp(a.s, c.s);
				bg_buf_release(&a);
				bg_buf_release(&c);
			}
		}
	}

	bg_buf_clear(&t);
	if (!n_own && ref && one_root) {
		/* the meaning is the root's (changed by the modification, if any) */
		root_key(b, ref, &k);
		out->origin = keep(b, &k);
		out->root = n_mod ? keep(b, &own) : out->origin;
		out->kind = bg_def_kind_name(n_mod ? BG_DEF_MODIFIED_REFERENCE : ref->kind);
		root_label(b, ref, &k);
		out->root_label = keep(b, &k);
		if (ref->root)
			root_text(b, ref->root, &t);
		else
			join_text(&t, ref->text);
		for (size_t i = 0; i < g->n; i++) {
			const bg_def *d = bg_defset_get(set, g->recs[i]);
			if (d->kind == BG_DEF_MODIFIED_REFERENCE)
				join_text(&t, d->modification[0] ? d->modification : d->text);
		}
	} else {
		out->root = out->origin = keep(b, &own);
		out->kind = n_own ? "own" : bg_def_kind_name(first->kind);
		if (n_own && (n_ref || n_mod))
			out->kind = "own+reference";
		out->root_label = "";
		for (size_t i = 0; i < g->n; i++)
			join_text(&t, bg_defset_get(set, g->recs[i])->text);
	}
	out->text = keep(b, &t);
	bg_buf_release(&t);
	bg_buf_release(&k);
	bg_buf_release(&own);
}

/* Laws by BWB id, then date, then position (qsort_r context: the set). */
static int by_version(const void *x, const void *y, void *ctx)
{
	const bg_defset *set = ctx;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const bg_deflaw *a = bg_defset_law(set, i), *b = bg_defset_law(set, j);
	int c = strcmp(a->bwb_id, b->bwb_id);

	if (!c)
		c = strcmp(a->date, b->date);
	return c ? c : (i > j) - (i < j);
}

/* keep[i]: regulation i is the latest version of its BWB id (dates
 * compare as text; on a tie the later file); a law without a BWB id
 * always. */
bool *bg_cd_latest_versions(const bg_defset *set, bool all)
{
	size_t n = bg_defset_law_count(set);
	bool *k = calloc(n + 1, sizeof *k);
	size_t *ix;

	if (!k)
		return NULL;
	for (size_t i = 0; i < n; i++)
		k[i] = true;
	if (all || n < 2)
		return k;
	if (!(ix = malloc(n * sizeof *ix))) {
		free(k);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	/* of the laws of one BWB id, the last by (date, position) counts */
	qsort_r(ix, n, sizeof *ix, by_version, (void *)set);
	for (size_t i = 0; i + 1 < n; i++) {
		const char *id = bg_defset_law(set, ix[i])->bwb_id;
		if (id[0] && !strcmp(id, bg_defset_law(set, ix[i + 1])->bwb_id))
			k[ix[i]] = false;
	}
	free(ix);
	return k;
}
