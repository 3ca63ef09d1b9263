/*
 * candidates.c -- ranked simplification candidates (candidates.h, README
 * "Simplification candidates (`begrip candidates`)").
 *
 * One read of the corpus.  The set does not keep the documents, so the
 * facts that need the text itself -- references with their context, the
 * articles each regulation has and whether they are repealed, the
 * stacking of each provision, whether a defined term occurs outside its
 * definition, where a concept without a definition is first used -- are
 * collected per document on the worker that extracted its definitions
 * (bg_cand_facts_collect, from the document and its own records only)
 * into one small self-contained record, and kept for the latest version
 * of each regulation once the set exists (bg_cand_add_facts).
 * bg_cand_add_doc makes the same record from a document read again.
 * bg_cand_run then works from the set and those records alone.
 *
 * Every score is a product of factors in [0,1] so that the kinds share one
 * scale; the factors are documented with each finder below and in the
 * README.
 */
#include "candidates.h"
#include "compare.h"
#include "concept_defs.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Provisions kept per regulation for the stacking ranking. */
#define STACK_KEEP 50
/* Quotes are cut to this many bytes. */
#define QUOTE_MAX 220
/* Near-identical definitions: text distance (0.5 C + 0.3 T) / 0.8 at most this. */
#define REFER_MAX_DIST 0.10
/* Larger groups of one term are compared on their first members only. */
#define REFER_GROUP_MAX 400

static const char *const kind_names[BG_CAND__COUNT] = {
	"harmonise", "refer-instead", "stacking", "broken-reference",
	"unused-definition", "undefined-use",
};

const char *bg_cand_kind_name(bg_cand_kind k)
{
	return (unsigned)k < BG_CAND__COUNT ? kind_names[k] : "?";
}

int bg_cand_kind_find(const char *name)
{
	for (int i = 0; i < BG_CAND__COUNT; i++)
		if (!strcmp(kind_names[i], name))
			return i;
	return -1;
}

/* ------------------------------------------------------ per-document facts */

struct art {
	const char *nr;       /* folded: lower case, no trailing dot */
	bool repealed;
};

struct cref {
	const char *tbwb, *tart, *context;
	const char *addr, *label, *link;
};

struct sprov {
	double stacking;
	const char *addr, *label, *link;
	const char *text;      /* its first QUOTE_MAX + 1 bytes at most */
	bg_cx_counts c;
};

struct firstuse {
	size_t use;           /* index in the regulation's bg_deflaw uses */
	const char *addr, *label, *link, *snippet;
};

/* What one document gives the candidates (bg_cand_facts_collect): made on
 * the worker thread that read it, from the document and its own records
 * only, so that it can be collected in the read of bg_defs_collect_each
 * before the set exists.  Everything is copied into its own arena. */
struct bg_cand_facts {
	const char *file;     /* bg_doc_path: matches bg_deflaw.file */
	bg_arena *a;
	struct art *arts;
	size_t narts;
	struct cref *refs;
	size_t nrefs, arefs;
	const char **cites;   /* distinct BWB ids cited (not itself) */
	size_t ncites, acites;
	struct sprov *top;    /* the STACK_KEEP highest at most, in its arena */
	size_t ntop;
	float *leaf;          /* stacking of every leaf provision */
	size_t nleaf;
	size_t *unused;       /* positions among the document's records */
	size_t nunused, nchecked;
	/* first use of each concept the document uses without a record of
	 * its own defining it; bg_cand_run keeps those that no inherited
	 * record of the resolved set defines either */
	struct firstuse *fu;
	size_t nfu;
};

struct slot {
	size_t law;           /* index in the defset */
	bg_cand_facts *f;     /* NULL: not read */
};

struct bg_cand_ctx {
	const bg_defset *set;
	const bg_lexicon *lex;
	const bg_cx_rules *rules;
	const bg_cmp_phrases *ph;
	bool *latest;         /* per defset law */
	size_t *slot_of;      /* per defset law: slot, or SIZE_MAX */
	struct slot *slots;
	size_t nslots;
	size_t **law_defs;    /* per defset law: its records */
	size_t *law_ndefs;
	const char ***undef;  /* per slot: concepts used without a definition */
	size_t *nundef;
	const char **names;   /* per defset law: the name printed */
	size_t *by_path;      /* slots sorted by file path (bg_cand_add_facts) */
	bg_arena *a;          /* strings shared by the context */
	/* normalisers for the worker threads of the second pass (a bg_norm
	 * is not thread-safe): taken and returned under the lock */
	pthread_mutex_t lock;
	bg_norm *pool[BG_MAX_JOBS + 1];
	size_t npool;
};

/* ------------------------------------------------------------- helpers */

static const char *adup(bg_arena *a, const char *s, size_t n, bool *nomem)
{
	char *r = bg_arena_strndup(a, s, n);
	if (!r) {
		*nomem = true;
		return "";
	}
	return r;
}

/* Cuts s to at most max bytes at a UTF-8 boundary and a word where one is
 * near, adding "..." when cut. */
static void quote_into(bg_buf *b, const char *s, size_t n, size_t max)
{
	size_t k = n;

	if (n > max) {
		k = max;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		for (size_t j = k; j > max / 2; j--)
			if (s[j] == ' ') {
				k = j;
				break;
			}
	}
	bg_buf_add(b, s, k);
	if (k < n)
		bg_buf_adds(b, " ...");
}

static bool is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c >= 'A' && c <= 'Z');
}

/*
 * How often the stemmed text contains the stemmed key (words separated by
 * single spaces)?  The first word may sit inside a word (compounds:
 * "partnerinkomen", "toeslagpartner"); the rest of each word is skipped and
 * the next key word must begin one of the next KEY_GAP + 1 words, so that
 * a phrase split by a few words still counts ("financieel afhankelijk" in
 * "een partner die financieel van hem afhankelijk is").  Deliberately
 * generous: a term counted as used when it is not is a candidate lost;
 * the reverse would be a false candidate.
 */
#define KEY_GAP 2

static size_t key_count(const char *text, size_t len, const char *key)
{
	const char *sp = strchr(key, ' '), *end = text + len;
	size_t n0 = sp ? (size_t)(sp - key) : strlen(key), count = 0;
	const char *hit = text;

	if (!n0)
		return 0;
	while ((hit = memmem(hit, (size_t)(end - hit), key, n0))) {
		const char *q = hit + n0, *k = sp;
		bool ok = true;
		while (k && ok) {
			const char *w = k + 1, *e = strchr(w, ' ');
			size_t wn = e ? (size_t)(e - w) : strlen(w);
			ok = false;
			for (int gap = 0; gap <= KEY_GAP && !ok && q < end; gap++) {
				while (q < end && is_word_byte((unsigned char)*q))
					q++;
				while (q < end && !is_word_byte((unsigned char)*q))
					q++;
				ok = (size_t)(end - q) >= wn && !memcmp(q, w, wn);
			}
			q += ok ? wn : 0;
			k = e;
		}
		if (ok) {
			count++;
			hit = q;
		} else {
			hit++;
		}
	}
	return count;
}

static bool addr_under(const char *addr, const char *top)
{
	size_t n = strlen(top);
	return !strncmp(addr, top, n) && (addr[n] == '\0' || addr[n] == '/');
}

/* "artikel 3 lid 2 onderdeel a" from a node. */
static void node_label(const bg_node *n, bg_buf *b)
{
	const bg_node *art = bg_node_ancestor(n, BG_N_ARTIKEL);
	const bg_node *lid = bg_node_ancestor(n, BG_N_LID);
	const bg_node *li = bg_node_ancestor(n, BG_N_LI);

	/* (adds, not addf: made for every provision with a reference) */
	if (art) {
		bg_buf_adds(b, "artikel ");
		bg_buf_adds(b, art->nr[0] ? art->nr : "(zonder nummer)");
	}
	if (lid && lid->nr[0]) {
		bg_buf_adds(b, b->len ? " lid " : "lid ");
		bg_buf_adds(b, lid->nr);
	}
	if (li && li->nr[0]) {
		bg_buf_adds(b, b->len ? " onderdeel " : "onderdeel ");
		bg_buf_adds(b, li->nr);
	}
	if (!b->len)
		bg_buf_adds(b, bg_node_kind_name(n->kind));
}

static bool in_repealed(const bg_node *n)
{
	for (; n; n = n->parent)
		if (n->repealed)
			return true;
	return false;
}

/* Folded article number: lower case ASCII, no trailing dots or spaces. */
static void fold_nr(const char *s, bg_buf *b)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bg_buf_addc(b, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
}

static const char *law_short(const bg_cand_ctx *c, size_t law)
{
	return c->names[law];
}

enum { NAME_MAX_LEN = 60 };

/*
 * The name a regulation is printed with: its short title (citeertitel);
 * for a long intitule ("Wet van 23 juni 2005 tot harmonisatie van ...
 * (Algemene wet inkomensafhankelijke regelingen)") the closing
 * parenthesis, else the longest abbreviation the lexicon has for the BWB
 * id, else the intitule cut at a word.
 */
static const char *make_name(bg_cand_ctx *c, const bg_deflaw *l, bool *nomem)
{
	const char *t = l->short_title[0] ? l->short_title : l->title[0] ? l->title : l->bwb_id;
	size_t n = strlen(t);
	const char *best = NULL;
	bg_buf b = BG_BUF_INIT;

	if (n <= NAME_MAX_LEN)
		return t;
	if (t[n - 1] == ')') {
		const char *open = strrchr(t, '(');
		if (open && (size_t)(t + n - 1 - open - 1) > 2 && (size_t)(t + n - 1 - open - 1) <= NAME_MAX_LEN)
			return adup(c->a, open + 1, (size_t)(t + n - 1 - open - 1), nomem);
	}
	for (size_t i = 0; i < bg_lexicon_abbrev_count(c->lex); i++) {
		const char *nm = bg_lexicon_abbrev_name(c->lex, i);
		size_t k = strlen(nm);
		if (strcmp(bg_lexicon_abbrev_bwb(c->lex, i), l->bwb_id) || k > NAME_MAX_LEN)
			continue;
		if (!best || k > strlen(best))
			best = nm;
	}
	if (best)
		return best;
	n = NAME_MAX_LEN;
	while (n > 0 && t[n] != ' ')
		n--;
	bg_buf_add(&b, t, n ? n : NAME_MAX_LEN);
	bg_buf_adds(&b, " ...");
	t = bg_buf_ok(&b) ? adup(c->a, b.s, b.len, nomem) : "";
	bg_buf_release(&b);
	return t;
}

static bg_norm *norm_take(bg_cand_ctx *c)
{
	bg_norm *nm;
	pthread_mutex_lock(&c->lock);
	nm = c->npool ? c->pool[--c->npool] : NULL;
	pthread_mutex_unlock(&c->lock);
	return nm ? nm : bg_norm_new();
}

static void norm_give(bg_cand_ctx *c, bg_norm *nm)
{
	pthread_mutex_lock(&c->lock);
	if (c->npool < BG_MAX_JOBS + 1) {
		c->pool[c->npool++] = nm;
		nm = NULL;
	}
	pthread_mutex_unlock(&c->lock);
	bg_norm_free(nm);
}

/* ------------------------------------------------------------- context */

static int slot_path_cmp(const void *a, const void *b, void *ctx)
{
	const bg_cand_ctx *c = ctx;
	return strcmp(bg_defset_law(c->set, c->slots[*(const size_t *)a].law)->file,
		      bg_defset_law(c->set, c->slots[*(const size_t *)b].law)->file);
}

bg_status bg_cand_new(const bg_defset *set, const bg_lexicon *lex,
		      const bg_cx_rules *rules, const bg_cmp_phrases *ph,
		      bg_cand_ctx **out)
{
	size_t nl = bg_defset_law_count(set), nd = bg_defset_count(set);
	bg_cand_ctx *c = calloc(1, sizeof *c);
	bool nomem = false;

	*out = NULL;
	if (!c)
		return BG_ERR_NOMEM;
	c->set = set;
	c->lex = lex;
	c->rules = rules;
	c->ph = ph;
	c->a = bg_arena_new();
	/* the latest version of each BWB id counts (concept_defs.h) */
	c->latest = bg_cd_latest_versions(set, false);
	c->slot_of = calloc(nl + 1, sizeof *c->slot_of);
	c->law_defs = calloc(nl + 1, sizeof *c->law_defs);
	c->law_ndefs = calloc(nl + 1, sizeof *c->law_ndefs);
	c->slots = calloc(nl + 1, sizeof *c->slots);
	c->undef = calloc(nl + 1, sizeof *c->undef);
	c->nundef = calloc(nl + 1, sizeof *c->nundef);
	c->names = calloc(nl + 1, sizeof *c->names);
	pthread_mutex_init(&c->lock, NULL);
	if (!c->names || !c->a || !c->latest || !c->slot_of || !c->law_defs || !c->law_ndefs ||
	    !c->slots || !c->undef || !c->nundef)
		goto nomem;

	for (size_t i = 0; i < nl; i++) {
		const bg_deflaw *a = bg_defset_law(set, i);
		c->names[i] = make_name(c, a, &nomem);
		c->slot_of[i] = SIZE_MAX;
		if (c->latest[i]) {
			c->slot_of[i] = c->nslots;
			c->slots[c->nslots++].law = i;
		}
	}
	for (size_t i = 0; i < nd; i++)
		c->law_ndefs[bg_defset_get(set, i)->doc_index]++;
	for (size_t i = 0; i < nl; i++) {
		c->law_defs[i] = bg_arena_alloc(c->a, (c->law_ndefs[i] + 1) * sizeof **c->law_defs);
		if (!c->law_defs[i])
			goto nomem;
		c->law_ndefs[i] = 0;
	}
	for (size_t i = 0; i < nd; i++) {
		size_t l = bg_defset_get(set, i)->doc_index;
		c->law_defs[l][c->law_ndefs[l]++] = i;
	}
	/* concepts each regulation uses with no definition of any kind
	 * (exclusions alone define nothing) */
	for (size_t s = 0; s < c->nslots; s++) {
		size_t l = c->slots[s].law;
		const bg_deflaw *law = bg_defset_law(set, l);
		c->undef[s] = bg_arena_alloc(c->a, (law->n_uses + 1) * sizeof **c->undef);
		if (!c->undef[s])
			goto nomem;
		for (size_t u = 0; u < law->n_uses; u++) {
			bool defined = false;
			for (size_t k = 0; k < c->law_ndefs[l] && !defined; k++) {
				const bg_def *d = bg_defset_get(set, c->law_defs[l][k]);
				defined = d->kind != BG_DEF_NEGATIVE && !strcmp(d->concept, law->uses[u]);
			}
			if (!defined && law->use_counts[u] > 0)
				c->undef[s][c->nundef[s]++] = law->uses[u];
		}
	}
	if (!(c->by_path = malloc((c->nslots + 1) * sizeof *c->by_path)))
		goto nomem;
	for (size_t s = 0; s < c->nslots; s++)
		c->by_path[s] = s;
	qsort_r(c->by_path, c->nslots, sizeof *c->by_path, slot_path_cmp, c);
	if (nomem)
		goto nomem;
	*out = c;
	return BG_OK;
nomem:
	bg_cand_free(c);
	return BG_ERR_NOMEM;
}

void bg_cand_free(bg_cand_ctx *c)
{
	if (!c)
		return;
	for (size_t s = 0; s < c->nslots; s++)
		bg_cand_facts_free(c->slots[s].f);
	free(c->slots);
	free(c->by_path);
	free(c->latest);
	free(c->slot_of);
	free(c->law_defs);
	free(c->law_ndefs);
	free(c->undef);
	free(c->nundef);
	free(c->names);
	for (size_t i = 0; i < c->npool; i++)
		bg_norm_free(c->pool[i]);
	pthread_mutex_destroy(&c->lock);
	bg_arena_free(c->a);
	free(c);
}

size_t bg_cand_doc_count(const bg_cand_ctx *c)
{
	return c->nslots;
}

const char *bg_cand_doc_path(const bg_cand_ctx *c, size_t i)
{
	return bg_defset_law(c->set, c->slots[i].law)->file;
}

/* ------------------------------------------------------ per-document facts */

/* The records of one document: its own set (docdefs of
 * bg_defs_collect_each, idx NULL) or its records in the resolved set
 * (bg_cand_add_doc: idx = law_defs, own records first, in the same order,
 * then the inherited ones).  Positions k agree between the two. */
struct recs {
	const bg_defset *set;
	const size_t *idx;
	size_t n;
};

static const bg_def *rec_get(const struct recs *r, size_t k)
{
	return bg_defset_get(r->set, r->idx ? r->idx[k] : k);
}

/* A text block of the document: a paragraph, a term or a heading. */
struct textblock {
	const bg_node *n;
	const char *t;
	size_t al;   /* its place among the paragraphs (bg_deflaw.al_may_use); SIZE_MAX: none */
};

/* An own definition whose term is looked for (collect_unused). */
struct ucheck {
	size_t k;             /* its position among the records */
	const bg_def *d;
	const char *key;      /* use_key */
	size_t first;         /* the length of its first word */
	size_t inside, outside;
	bool used;            /* outside its definition, or twice inside */
};

/* A concept used without a definition of its own: the paragraph that
 * uses its words most (collect_first_uses). */
struct fcheck {
	size_t u;             /* index in the regulation's uses */
	const char *vks;      /* its variant keys the text can have, each
			       * " key " and a NUL, one after another */
	size_t nvks;          /* bytes of vks */
	size_t best, best_n;  /* block, hits there; SIZE_MAX, 0: none yet */
};

/*
 * The words of the text, read block by block: each block is stemmed once
 * into one reused buffer and searched there for every open question --
 * the terms of the own definitions (used or not) and the concepts without
 * a definition (where they are used most).  The reading stops when no
 * question is open.
 */
struct words {
	struct textblock *tb;
	size_t ntb;
	bg_norm *nm;
	bg_arena *a;          /* keys and stemmed titles */
	bg_buf x;             /* the block read, stemmed: " k1 k2 ... kn " */
	bg_buf low;           /* the block read, in lower case (block_counts) */
	bg_toklist tl;
	bg_buf b;
	struct ucheck *uc;
	size_t nuc, open;     /* open: checks not yet known to be used */
	struct fcheck *fc;
	size_t nfc;
	bg_stemstarts *fcs;   /* the first words of the fc keys; NULL: none known */
	const bg_deflaw *law;
	bool *nomem;
};

/* Turns every NUL of s[0..n) into a space, eight bytes at a time: in
 * y = ~(((x & 7f..) + 7f..) | x | 7f..) exactly the zero bytes of x have
 * their top bit (0x80) set, and 0x80 >> 2 is a space. */
static void nul_to_space(char *s, size_t n)
{
	const uint64_t m = 0x7f7f7f7f7f7f7f7fu;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x, y;
		memcpy(&x, s + i, 8);
		y = ~(((x & m) + m) | x | m);
		x |= y >> 2;
		memcpy(s + i, &x, 8);
	}
	for (; i < n; i++)
		if (!s[i])
			s[i] = ' ';
}

/*
 * Block i stemmed into w->x and padded with a space on each side ("
 * stemmed ", the form a whole-word search wants; "  " when it has no
 * words): bg_norm_key's form (the keys joined by single spaces) from a
 * token list kept across blocks, whose keys lie one after the other, each
 * ended by a NUL.
 */
static void stem_block(struct words *w, size_t i)
{
	const char *t = w->tb[i].t;

	if (bg_norm_tokens(w->nm, t, strlen(t), BG_NORM_STEM, &w->tl) != BG_OK)
		*w->nomem = true;
	bg_buf_clear(&w->x);
	bg_buf_addc(&w->x, ' ');
	if (w->tl.n) {
		bg_buf_add(&w->x, w->tl.keys.s, w->tl.keys.len);
		if (bg_buf_ok(&w->x))
			nul_to_space(w->x.s + 1, w->tl.keys.len);
	} else {
		bg_buf_addc(&w->x, ' ');
	}
	if (!bg_buf_ok(&w->x))
		*w->nomem = true;
}

static bool push(void **v, size_t *n, size_t *alloc, size_t size)
{
	if (*n == *alloc) {
		size_t na = *alloc ? 2 * *alloc : 16;
		void *nv = realloc(*v, na * size);
		if (!nv)
			return false;
		*v = nv;
		*alloc = na;
	}
	return true;
}

static int art_cmp(const void *a, const void *b)
{
	const struct art *x = a, *y = b;
	int k = strcmp(x->nr, y->nr);
	return k ? k : (int)x->repealed - (int)y->repealed;
}

/* The references to articles, and the regulations cited; sl->arts must be
 * made (and sorted) first. */
static void collect_refs(bg_cand_facts *sl, const bg_doc *doc, const char *self, bool *nomem)
{
	const bg_ref *refs = bg_doc_refs(doc);
	size_t nr = bg_doc_ref_count(doc);
	bg_buf b = BG_BUF_INIT;
	/* references come in document order, often several in one
	 * provision: its label, link and address are made once */
	const bg_node *last = NULL;
	const char *last_label = "", *last_link = "", *last_addr = "";
	const char *own = NULL;   /* self, copied once */

	for (size_t i = 0; i < nr; i++) {
		const bg_ref *r = &refs[i];
		const bg_node *prov;
		struct cref *cr;
		const char *tb = r->bwb_id[0] ? r->bwb_id : self;
		const char *anchor, *t, *tcopy;
		size_t pos = 0, tn, from, to, k = 0;

		if (!tb[0] || !r->node || in_repealed(r->node))
			continue;
		if (strcmp(tb, self)) {
			while (k < sl->ncites && strcmp(sl->cites[k], tb))
				k++;
			if (k == sl->ncites) {
				if (!push((void **)&sl->cites, &sl->ncites, &sl->acites, sizeof *sl->cites)) {
					*nomem = true;
					break;
				}
				sl->cites[sl->ncites++] = adup(sl->a, tb, strlen(tb), nomem);
			}
			tcopy = sl->cites[k];
		} else {
			if (!own)
				own = adup(sl->a, self, strlen(self), nomem);
			tcopy = own;
		}
		if (!r->artikel[0])
			continue;
		if (!push((void **)&sl->refs, &sl->nrefs, &sl->arefs, sizeof *sl->refs)) {
			*nomem = true;
			break;
		}
		cr = &sl->refs[sl->nrefs++];
		cr->tbwb = tcopy;
		bg_buf_clear(&b);
		fold_nr(r->artikel, &b);
		cr->tart = adup(sl->a, b.s, b.len, nomem);
		/* A reference to an article this document has in force is never
		 * broken: the facts are kept only for the latest version, so they
		 * are then its target's, in which find_broken finds the article
		 * and looks no further.  Its provision and context are not needed. */
		if (tcopy == own) {
			struct art key = { cr->tart, false };
			if (bsearch(&key, sl->arts, sl->narts, sizeof *sl->arts, art_cmp)) {
				cr->label = cr->link = cr->addr = cr->context = "";
				continue;
			}
		}
		prov = bg_node_provision(r->node);
		if (!prov)
			prov = r->node;
		if (prov != last) {
			last = prov;
			bg_buf_clear(&b);
			node_label(prov, &b);
			last_label = adup(sl->a, b.s, b.len, nomem);
			bg_buf_clear(&b);
			bg_node_link(doc, prov, &b);
			last_link = adup(sl->a, b.s, b.len, nomem);
			last_addr = adup(sl->a, prov->address, strlen(prov->address), nomem);
		}
		cr->label = last_label;
		cr->link = last_link;
		cr->addr = last_addr;
		/* context: the text block around the anchor */
		t = r->node->text;
		tn = r->node->text_len;
		if (!tn) {
			/* a reference in a heading */
			t = r->node->heading[0] ? r->node->heading : r->text;
			tn = strlen(t);
		}
		anchor = r->text[0] ? strstr(t, r->text) : NULL;
		if (anchor)
			pos = (size_t)(anchor - t);
		from = pos > 90 ? pos - 90 : 0;
		while (from > 0 && ((unsigned char)t[from] & 0xC0) == 0x80)
			from--;
		to = pos + strlen(r->text) + 90;
		if (to > tn)
			to = tn;
		while (to < tn && ((unsigned char)t[to] & 0xC0) == 0x80)
			to++;
		bg_buf_clear(&b);
		if (from > 0)
			bg_buf_adds(&b, "... ");
		bg_buf_add(&b, t + from, to - from);
		if (to < tn)
			bg_buf_adds(&b, " ...");
		cr->context = adup(sl->a, b.s, b.len, nomem);
	}
	bg_buf_release(&b);
}

/* cx: the document's measures when the caller has them, else made here
 * from rules (neither: no stacking facts). */
static void collect_stacking(const bg_cx_rules *rules, const bg_cx_doc *given,
			     bg_cand_facts *sl, const bg_doc *doc, bool *nomem)
{
	bg_cx_doc *own = NULL;
	const bg_cx_doc *cx = given;
	bg_buf b = BG_BUF_INIT;
	uint32_t hash[STACK_KEEP];
	struct sprov top[STACK_KEEP];   /* chosen here, then kept at their number */
	size_t open = 0, ntop = 0;

	if (!cx) {
		if (!rules)
			return;
		if (!(cx = own = bg_cx_analyze(rules, doc))) {
			*nomem = true;
			return;
		}
	}
	sl->leaf = malloc((cx->nprov + 1) * sizeof *sl->leaf);
	if (!sl->leaf) {
		*nomem = true;
		bg_cx_doc_free(own);
		return;
	}
	/* the STACK_KEEP highest, highest first, ties in document order:
	 * each newcomer goes after the kept ones that score at least as much
	 * (what a stable sort of the list with it appended gives); address
	 * and label borrowed from cx until the list is final */
	for (size_t i = 0; i < cx->nprov; i++) {
		const bg_cx_prov *p = &cx->provs[i];
		size_t k;
		if (!p->leaf)
			continue;
		sl->leaf[sl->nleaf++] = (float)p->stacking;
		if (ntop == STACK_KEEP && p->stacking <= top[STACK_KEEP - 1].stacking)
			continue;
		k = ntop < STACK_KEEP ? ntop++ : STACK_KEEP - 1;
		for (; k > 0 && top[k - 1].stacking < p->stacking; k--)
			top[k] = top[k - 1];
		top[k] = (struct sprov){ p->stacking, p->address, p->label, "", "", p->c };
	}
	/* (a document's facts are kept until the corpus is read: a full
	 * array in each took 14 MB, mostly empty) */
	if (ntop) {
		if (!(sl->top = bg_arena_alloc_raw(sl->a, ntop * sizeof *sl->top))) {
			*nomem = true;
			bg_cx_doc_free(own);
			return;
		}
		memcpy(sl->top, top, ntop * sizeof *top);
	}
	sl->ntop = ntop;
	for (size_t i = 0; i < sl->ntop; i++) {
		struct sprov *sp = &sl->top[i];
		sp->addr = adup(sl->a, sp->addr, strlen(sp->addr), nomem);
		sp->label = adup(sl->a, sp->label, strlen(sp->label), nomem);
		hash[i] = bg_word_hash(sp->addr, strlen(sp->addr));
	}
	open = sl->ntop;
	bg_cx_doc_free(own);
	/* the text and link of the kept provisions: of the first node with
	 * the address (a node without text leaves the provision open) */
	for (const bg_node *n = bg_doc_root(doc); n && open; n = bg_node_next(bg_doc_root(doc), n)) {
		uint32_t h;
		if (n->kind != BG_N_ARTIKEL && n->kind != BG_N_LID && n->kind != BG_N_LI &&
		    n->kind != BG_N_DEFITEM)
			continue;
		h = bg_word_hash(n->address, strlen(n->address));
		for (size_t i = 0; i < sl->ntop; i++) {
			struct sprov *sp = &sl->top[i];
			if (hash[i] != h || sp->text[0] || strcmp(sp->addr, n->address))
				continue;
			bg_buf_clear(&b);
			bg_node_text(n, &b);
			/* only quoted (quote_into, QUOTE_MAX): one byte more
			 * tells it that the text goes on */
			sp->text = adup(sl->a, b.s, b.len > QUOTE_MAX + 1 ? QUOTE_MAX + 1 : b.len,
					nomem);
			bg_buf_clear(&b);
			bg_node_link(doc, n, &b);
			sp->link = adup(sl->a, b.s, b.len, nomem);
			open -= sp->text[0] != '\0';
		}
	}
	bg_buf_release(&b);
}

/* Definitions that extend or assimilate ("Met X wordt gelijkgesteld",
 * "Onder X wordt mede verstaan") add to a term that the regulation above
 * may be the one using: never "unused".  Nor is "de volgende termen /
 * begrippen" of a list's lead-in ("wordt onder de volgende termen
 * verstaan:"), which names the list, not a term. */
static bool extends_term(const bg_def *d)
{
	if (!strncmp(d->term_key, "volgend ", 8))
		return true;
	static const char *const marks[] = { "gelijkgesteld", "mede verstaan", "mede begrepen",
					     "ook verstaan", "mede aangemerkt", NULL };
	for (size_t i = 0; marks[i]; i++)
		if (strstr(d->text, marks[i]))
			return true;
	return false;
}

/* "Als referentiemethode voor sulfaat en chloride gelden de ...
 * bepalingsmethoden": what counts as X where the rule stands, a rule
 * rather than a term introduced for later use.  Not "unused". */
static bool counts_as(const bg_def *d)
{
	const char *g;

	if (strncasecmp(d->text, "als ", 4))
		return false;
	for (g = d->text; (g = strstr(g, " geld")) != NULL; g++)
		if (!strncmp(g, " geldt ", 7) || !strncmp(g, " gelden ", 8))
			return true;
	return false;
}

/* "Voor de toepassing van artikel 4:23 ... van de wet wordt als
 * significante deelneming aangemerkt": a definition made for a named
 * provision, often of the regulation above, where the term is used, or
 * for another act named.  Not "unused" here either. */
static bool serves_provision(const bg_def *d)
{
	static const char *const opens[] = { "voor de toepassing van artikel ",
					     "voor de toepassing van de artikelen ",
					     "voor de toepassing van hoofdstuk ",
					     "voor de toepassing van afdeling ",
					     "voor de toepassing van paragraaf " };

	static const char *const other = "voor de toepassing van het bepaalde bij en krachtens de ";
	const char *o;

	for (size_t i = 0; i < sizeof opens / sizeof *opens; i++)
		if (!strncasecmp(d->text, opens[i], strlen(opens[i])))
			return true;
	/* "Onder het register kinderopvang, bedoeld in artikel 1.1 van de Wet
	 * kinderopvang ..., wordt voor de toepassing van het bepaalde bij en
	 * krachtens de Wet kinderopvang verstaan": made for another act */
	o = strstr(d->text, other);
	return o && o[strlen(other)] >= 'A' && o[strlen(other)] <= 'Z';
}

/* Is text block t part of the definition d itself (its term, or the
 * wording of its body)?  The defining mention of the term is there. */
static bool part_of_def(const struct textblock *t, const bg_def *d)
{
	const char *x = t->n->kind == BG_N_AL || t->n->kind == BG_N_TERM ? t->n->text : "";
	size_t k = strlen(d->text);

	if (!addr_under(t->n->address, d->address))
		return false;
	if (t->n->kind == BG_N_TERM)
		return true;
	if (!x[0])
		return false;
	if (k > 40)
		k = 40;
	while (k > 0 && ((unsigned char)d->text[k] & 0xC0) == 0x80)
		k--;
	return (k && memmem(x, strlen(x), d->text, k)) || strstr(d->text, x);
}

/* The key that must occur for a term to count as used: the whole stemmed
 * term, or for a term of three words or more ("vader van een kind",
 * "33 jaar of ouder" -- often a phrase the extractor took from a running
 * sentence) its first word. */
static void use_key(const char *key, bg_buf *out)
{
	const char *sp = strchr(key, ' ');
	bg_buf_clear(out);
	if (sp && strchr(sp + 1, ' '))
		bg_buf_add(out, key, (size_t)(sp - key));
	else
		bg_buf_adds(out, key);
}

/* Own definitions of the regulation (scope regulation or container) to
 * check: is the term used outside its definition (titles included), or
 * more than once (its defining mention) inside it?  The titles are
 * searched here, the blocks by read_blocks. */
static void unused_checks(bg_cand_facts *sl, const struct recs *rs, const bg_doc *doc,
			  struct words *w, bool *nomem)
{
	const char *titles[2] = { bg_doc_title(doc), bg_doc_intitule(doc) };
	const char *ftitles[2] = { NULL, NULL };
	bg_buf key = BG_BUF_INIT;

	sl->unused = malloc((rs->n + 1) * sizeof *sl->unused);
	w->uc = malloc((rs->n + 1) * sizeof *w->uc);
	if (!sl->unused || !w->uc) {
		*nomem = true;
		return;
	}
	for (size_t k = 0; k < rs->n && !*nomem; k++) {
		const bg_def *d = rec_get(rs, k);
		struct ucheck *c = &w->uc[w->nuc];
		if (d->kind != BG_DEF_OWN || !d->term_key[0] || !d->address[0] ||
		    (strcmp(d->scope_kind, "regulation") && strcmp(d->scope_kind, "container")) ||
		    extends_term(d) || serves_provision(d) || counts_as(d))
			continue;
		sl->nchecked++;
		use_key(d->term_key, &key);
		*c = (struct ucheck){ k, d, adup(w->a, key.s, key.len, nomem), 0, 0, 0, false };
		c->first = strcspn(c->key, " ");
		for (size_t t = 0; t < 2 && !c->outside; t++) {
			if (!titles[t][0] || (t == 1 && !strcmp(titles[0], titles[1])))
				continue;
			if (!ftitles[t]) {
				bg_buf_clear(&w->b);
				ftitles[t] = bg_norm_key(w->nm, titles[t], strlen(titles[t]), BG_NORM_STEM,
							 &w->b) == BG_OK && bg_buf_ok(&w->b) ?
					     adup(w->a, w->b.s, w->b.len, nomem) : "";
			}
			c->outside += key_count(ftitles[t], strlen(ftitles[t]), c->key);
		}
		c->used = c->outside > 0;
		w->open += !c->used;
		w->nuc++;
	}
	bg_buf_release(&key);
}

/* Can variant key vk occur in the regulation's paragraphs?  bg_deflaw
 * used_keys are the keys of up to four words found there (defs.c reads
 * the same paragraphs with the same tokens): a key of four words or fewer
 * that is not among them has no whole-word hit, so its search is skipped.
 * Longer keys are searched. */
static bool in_text(const bg_deflaw *law, const char *vk)
{
	size_t words = 1;

	for (const char *q = vk; *q; q++)
		words += *q == ' ';
	if (words > 4)
		return true;
	for (size_t i = 0; i < law->n_used_keys; i++)
		if (!strcmp(law->used_keys[i], vk))
			return true;
	return false;
}

/* The concepts the regulation uses without a definition of its own whose
 * variant keys the text can have: where each is used most clearly is
 * found by read_blocks. */
static void first_use_checks(const struct recs *rs, const bg_deflaw *law, const bg_lexicon *lex,
			     struct words *w, bool *nomem)
{
	bg_buf vks = BG_BUF_INIT;

	if (!(w->fc = malloc((law->n_uses + 1) * sizeof *w->fc))) {
		*nomem = true;
		return;
	}
	for (size_t u = 0; u < law->n_uses && !*nomem; u++) {
		long ci = bg_lexicon_find(lex, law->uses[u]);
		bool defined = false;
		for (size_t k = 0; k < rs->n && !defined; k++) {
			const bg_def *d = rec_get(rs, k);
			defined = d->kind != BG_DEF_NEGATIVE && !strcmp(d->concept, law->uses[u]);
		}
		if (defined || law->use_counts[u] == 0 || ci < 0)
			continue;
		/* the concept's variant keys as " key ", one after the other;
		 * only those the text has */
		bg_buf_clear(&vks);
		for (size_t v = 0; v < bg_lexicon_variant_count(lex, (size_t)ci); v++) {
			const char *vk = bg_lexicon_variant_key(lex, (size_t)ci, v);
			if (!in_text(law, vk))
				continue;
			bg_buf_addc(&vks, ' ');
			bg_buf_adds(&vks, vk);
			bg_buf_addc(&vks, ' ');
			bg_buf_addc(&vks, '\0');
		}
		if (!bg_buf_ok(&vks)) {
			*nomem = true;
			break;
		}
		if (!vks.len)
			continue;   /* no hits anywhere */
		w->fc[w->nfc++] = (struct fcheck){ u, adup(w->a, vks.s, vks.len, nomem), vks.len,
						   SIZE_MAX, 0 };
	}
	bg_buf_release(&vks);
}

/* The first words of the first-use checks' keys, for bg_stemstarts: a
 * block without a word of one has no hit of a key.  Out of memory leaves
 * w->fcs NULL (every block is stemmed). */
static void first_use_starts(struct words *w)
{
	if (!w->nfc || !(w->fcs = bg_stemstarts_new()))
		return;
	for (size_t f = 0; f < w->nfc; f++) {
		const struct fcheck *c = &w->fc[f];
		for (const char *vk = c->vks; vk < c->vks + c->nvks; vk += strlen(vk) + 1) {
			const char *k = vk + 1, *sp = strchr(k, ' ');   /* " key " */
			if (!bg_stemstarts_add(w->fcs, k, sp ? (size_t)(sp - k) : strlen(k))) {
				bg_stemstarts_free(w->fcs);
				w->fcs = NULL;
				return;
			}
		}
	}
}

/* Whether t has no byte above ASCII. */
static bool all_ascii(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)t[i] >= 0x80)
			return false;
	return true;
}

/* Whether paragraph k of the law may hold a lexicon variant key. */
static bool may_use(const bg_deflaw *law, size_t k)
{
	return !law->al_may_use || k >= law->n_al || (law->al_may_use[k / 64] >> (k % 64) & 1);
}

/* Above this many open unused checks a block is stemmed without
 * searching it for each. */
#define OPEN_ASK_MAX 16

/*
 * Whether stemming block i can change a count, decided from its bytes
 * (stemming is the dear part of reading the blocks).  A first-use check
 * counts whole stemmed words: bg_stemstarts (norm.h) tells whether a word
 * of the block can have a key's first stem.  An unused check counts its
 * key's first stem K anywhere inside a stemmed word (key_count); a word's
 * stem keeps all but its last two letters from the folded word
 * (bg_norm_stem_prefix), so K inside a stem means K less its last two
 * letters inside the folded text.  Text with non-ASCII bytes is stemmed.
 */
static bool block_counts(struct words *w, size_t i)
{
	const char *t = w->tb[i].t;
	size_t n = strlen(t);

	/* the fc keys are variant keys: a paragraph where none may be
	 * (al_may_use) needs no look */
	if (w->nfc && w->tb[i].n->kind == BG_N_AL && may_use(w->law, w->tb[i].al) &&
	    (!w->fcs || bg_stemstarts_maybe(w->fcs, t, n)))
		return true;
	if (!w->open)
		return false;
	if (w->open > OPEN_ASK_MAX || !all_ascii(t, n))
		return true;
	bg_lower_ascii(t, n, &w->low);   /* all ASCII: its folded form */
	if (!bg_buf_ok(&w->low))
		return true;
	for (size_t k = 0; k < w->nuc; k++) {
		const struct ucheck *c = &w->uc[k];
		if (!c->used &&
		    (c->first <= 2 || memmem(w->low.s, w->low.len, c->key, c->first - 2)))
			return true;
	}
	return false;
}

/* Reads the blocks in order while a check is open.  A term's searches
 * stop once it is known to be used; a concept's paragraph is the one
 * with the most whole-word hits of its keys (not inside compounds), the
 * first of those on a tie. */
static void read_blocks(struct words *w)
{
	for (size_t i = 0; i < w->ntb && (w->open || w->nfc) && !*w->nomem; i++) {
		const char *x;
		size_t xn;
		if (!block_counts(w, i))
			continue;
		stem_block(w, i);
		if (*w->nomem)
			break;
		/* key_count without the leading space: the trailing one
		 * changes nothing, as key words hold no spaces */
		x = w->x.s + 1;
		xn = w->x.len - 1;
		for (size_t k = 0; k < w->nuc && w->open; k++) {
			struct ucheck *c = &w->uc[k];
			if (c->used)
				continue;
			if (part_of_def(&w->tb[i], c->d))
				c->inside += key_count(x, xn, c->key);
			else
				c->outside += key_count(x, xn, c->key);
			if (c->outside || c->inside >= 2) {
				c->used = true;
				w->open--;
			}
		}
		if (w->tb[i].n->kind != BG_N_AL)
			continue;
		for (size_t f = 0; f < w->nfc; f++) {
			struct fcheck *c = &w->fc[f];
			size_t hits = 0;
			for (const char *vk = c->vks; vk < c->vks + c->nvks; vk += strlen(vk) + 1) {
				size_t vn = strlen(vk);
				for (const char *q = w->x.s; (q = strstr(q, vk)); q += vn - 1)
					hits++;
			}
			if (hits > c->best_n) {
				c->best_n = hits;
				c->best = i;
			}
		}
	}
}

/* The first uses found, as facts. */
static void first_uses(bg_cand_facts *sl, const bg_deflaw *law, const bg_doc *doc,
		       const struct words *w, bool *nomem)
{
	bg_buf b = BG_BUF_INIT;

	sl->fu = bg_arena_alloc(sl->a, (law->n_uses + 1) * sizeof *sl->fu);
	if (!sl->fu) {
		*nomem = true;
		return;
	}
	for (size_t f = 0; f < w->nfc; f++) {
		const struct fcheck *c = &w->fc[f];
		const bg_node *n, *prov;
		struct firstuse *fu = &sl->fu[sl->nfu];
		if (c->best == SIZE_MAX)
			continue;
		n = w->tb[c->best].n;
		prov = bg_node_provision(n);
		if (!prov)
			prov = n;
		fu->use = c->u;
		fu->addr = adup(sl->a, prov->address, strlen(prov->address), nomem);
		bg_buf_clear(&b);
		node_label(prov, &b);
		fu->label = adup(sl->a, b.s, b.len, nomem);
		bg_buf_clear(&b);
		bg_node_link(doc, prov, &b);
		fu->link = adup(sl->a, b.s, b.len, nomem);
		bg_buf_clear(&b);
		quote_into(&b, n->text, n->text_len, QUOTE_MAX);
		fu->snippet = adup(sl->a, b.s, b.len, nomem);
		sl->nfu++;
	}
	bg_buf_release(&b);
}

/* Unused definitions and first uses.  Text is compared stemmed
 * (bg_norm_key, BG_NORM_STEM: the form of bg_def.term_key). */
static void collect_words(bg_cand_facts *sl, const struct recs *rs, const bg_deflaw *law,
			  const bg_lexicon *lex, const bg_doc *doc, bg_norm *nm, bool *nomem)
{
	struct words w;
	const bg_node *root = bg_doc_root(doc);
	size_t atb = 0, al = 0;

	memset(&w, 0, sizeof w);
	w.nm = nm;
	w.law = law;
	w.nomem = nomem;
	bg_buf_init(&w.x);
	bg_buf_init(&w.low);
	bg_buf_init(&w.b);
	w.tl = (bg_toklist)BG_TOKLIST_INIT;
	if (!(w.a = bg_arena_new())) {
		*nomem = true;
		return;
	}
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		const char *t = n->kind == BG_N_AL || n->kind == BG_N_TERM ? n->text : n->heading;
		/* counted as count_uses (defs.c) counts them */
		size_t k = n->kind == BG_N_AL && n->text_len ? al++ : SIZE_MAX;
		if (!t || !t[0])
			continue;
		if (!push((void **)&w.tb, &w.ntb, &atb, sizeof *w.tb)) {
			*nomem = true;
			goto done;
		}
		w.tb[w.ntb++] = (struct textblock){ n, t, k };
	}
	unused_checks(sl, rs, doc, &w, nomem);
	if (!*nomem)
		first_use_checks(rs, law, lex, &w, nomem);
	if (!*nomem) {
		first_use_starts(&w);
		read_blocks(&w);
	}
	for (size_t k = 0; k < w.nuc && !*nomem; k++)
		if (!w.uc[k].used)
			sl->unused[sl->nunused++] = w.uc[k].k;
	if (!*nomem)
		first_uses(sl, law, doc, &w, nomem);
done:
	free(w.tb);
	free(w.uc);
	free(w.fc);
	bg_stemstarts_free(w.fcs);
	bg_buf_release(&w.b);
	bg_buf_release(&w.x);
	bg_buf_release(&w.low);
	bg_toklist_release(&w.tl);
	bg_arena_free(w.a);
}

static bg_status facts_collect(const bg_doc *doc, const struct recs *rs, const bg_deflaw *law,
			       const bg_lexicon *lex, const bg_cx_rules *rules,
			       const bg_cx_doc *cx, bg_norm *nm, bg_cand_facts **out)
{
	bg_cand_facts *sl = calloc(1, sizeof *sl);
	const bg_node *root = bg_doc_root(doc);
	size_t narts = 0;
	bg_buf b = BG_BUF_INIT;
	bool nomem = false;

	*out = NULL;
	if (!sl || !(sl->a = bg_arena_new())) {
		free(sl);
		return BG_ERR_NOMEM;
	}
	sl->file = adup(sl->a, law->file, strlen(law->file), &nomem);
	for (const bg_node *n = root; n; n = bg_node_next(root, n))
		narts += n->kind == BG_N_ARTIKEL;
	sl->arts = bg_arena_alloc(sl->a, (narts + 1) * sizeof *sl->arts);
	if (!sl->arts) {
		bg_cand_facts_free(sl);
		return BG_ERR_NOMEM;
	}
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		if (n->kind != BG_N_ARTIKEL || !n->nr[0])
			continue;
		bg_buf_clear(&b);
		fold_nr(n->nr, &b);
		sl->arts[sl->narts].nr = adup(sl->a, b.s, b.len, &nomem);
		sl->arts[sl->narts++].repealed = in_repealed(n);
	}
	qsort(sl->arts, sl->narts, sizeof *sl->arts, art_cmp);
	bg_buf_release(&b);
	collect_refs(sl, doc, law->bwb_id, &nomem);
	collect_stacking(rules, cx, sl, doc, &nomem);
	if (!nomem)
		collect_words(sl, rs, law, lex, doc, nm, &nomem);
	if (nomem) {
		bg_cand_facts_free(sl);
		return BG_ERR_NOMEM;
	}
	*out = sl;
	return BG_OK;
}

bg_status bg_cand_facts_collect(const bg_doc *doc, const bg_defset *docdefs,
				const bg_lexicon *lex, const bg_cx_rules *rules,
				const bg_cx_doc *cx, bg_norm *nm, bg_cand_facts **out)
{
	struct recs rs = { docdefs, NULL, bg_defset_count(docdefs) };

	*out = NULL;
	if (bg_defset_law_count(docdefs) != 1)
		return BG_ERR_USAGE;
	return facts_collect(doc, &rs, bg_defset_law(docdefs, 0), lex, rules, cx, nm, out);
}

void bg_cand_facts_free(bg_cand_facts *f)
{
	if (!f)
		return;
	free(f->refs);
	free(f->cites);
	free(f->leaf);
	free(f->unused);
	bg_arena_free(f->a);
	free(f);
}

void bg_cand_add_facts(bg_cand_ctx *c, bg_cand_facts *f)
{
	size_t lo = 0, hi = c->nslots;

	if (!f)
		return;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		struct slot *sl = &c->slots[c->by_path[mid]];
		int k = strcmp(bg_defset_law(c->set, sl->law)->file, f->file);
		if (!k) {
			/* the same file listed twice: keep the first facts */
			if (!sl->f) {
				sl->f = f;
				f = NULL;
			}
			break;
		}
		if (k < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	bg_cand_facts_free(f);
}

bg_status bg_cand_add_doc(bg_cand_ctx *c, size_t i, const bg_doc *doc)
{
	struct slot *sl = &c->slots[i];
	struct recs rs = { c->set, c->law_defs[sl->law], c->law_ndefs[sl->law] };
	bg_norm *nm = norm_take(c);
	bg_status st;

	if (!nm)
		return BG_ERR_NOMEM;
	st = facts_collect(doc, &rs, bg_defset_law(c->set, sl->law), c->lex, c->rules, NULL, nm,
			   &sl->f);
	norm_give(c, nm);
	return st;
}

/* ------------------------------------------------------------ results */

/* A slot's facts; a slot not read has none. */
static const bg_cand_facts no_facts;

static const bg_cand_facts *facts_of(const bg_cand_ctx *c, size_t s)
{
	return c->slots[s].f ? c->slots[s].f : &no_facts;
}

struct run {
	bg_cand_ctx *c;
	bg_cand_list *out;
	size_t alloc;
	bool nomem;
	const char **bwb_sorted;  /* (bwb, slot) pairs sorted by bwb */
	size_t *slot_sorted;
	size_t *cited_by;         /* per slot: regulations citing it */
};

static bg_cand *cand_new(struct run *r, bg_cand_kind k)
{
	bg_cand *cd;
	if (!push((void **)&r->out->v, &r->out->n, &r->alloc, sizeof *r->out->v)) {
		r->nomem = true;
		return NULL;
	}
	cd = &r->out->v[r->out->n++];
	memset(cd, 0, sizeof *cd);
	cd->kind = k;
	cd->subject = cd->evidence = cd->rationale = "";
	return cd;
}

static const char *keep(struct run *r, const bg_buf *b)
{
	if (!bg_buf_ok(b)) {
		r->nomem = true;
		return "";
	}
	return adup(r->out->arena, b->s, b->len, &r->nomem);
}

static const char *keeps(struct run *r, const char *s)
{
	return adup(r->out->arena, s, strlen(s), &r->nomem);
}

static void cand_laws(struct run *r, bg_cand *cd, const char *const *ids, size_t n)
{
	cd->laws = bg_arena_alloc(r->out->arena, (n + 1) * sizeof *cd->laws);
	if (!cd->laws) {
		r->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t j = 0; j < cd->nlaws && !seen; j++)
			seen = !strcmp(cd->laws[j], ids[i]);
		if (!seen)
			cd->laws[cd->nlaws++] = ids[i];
	}
}

static bg_cand_prov *cand_provs(struct run *r, bg_cand *cd, size_t n)
{
	cd->provs = bg_arena_alloc(r->out->arena, (n + 1) * sizeof *cd->provs);
	if (!cd->provs)
		r->nomem = true;
	return cd->provs;
}

static void prov_of_def(struct run *r, bg_cand_prov *p, const bg_def *d, const char *role)
{
	bg_buf b = BG_BUF_INIT;

	p->bwb_id = d->bwb_id;
	p->law = law_short(r->c, d->doc_index);
	if (d->article[0])
		bg_buf_addf(&b, "artikel %s", d->article);
	if (d->lid[0])
		bg_buf_addf(&b, " lid %s", d->lid);
	if (d->item[0])
		bg_buf_addf(&b, "%sonderdeel %s", b.len ? " " : "", d->item);
	if (!b.len)
		bg_buf_adds(&b, d->address);
	p->label = keep(r, &b);
	p->address = d->address;
	p->link = d->link;
	p->role = role;
	bg_buf_release(&b);
}

static long slot_of_bwb(const struct run *r, const char *bwb)
{
	size_t lo = 0, hi = r->c->nslots;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int k = strcmp(r->bwb_sorted[mid], bwb);
		if (!k)
			return (long)r->slot_sorted[mid];
		if (k < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---------------------------------------------------- broken references */

/*
 * A reference from the latest version of a regulation to an article of a
 * regulation in the corpus that its latest version does not have (absent:
 * 1.0) or has only repealed (0.8).  References in repealed text, and
 * those whose text says they mean an older version ("zoals dat luidde"),
 * are not counted.  One candidate per (source, target article), listing the
 * provisions that cite it; score = base x (0.6 + 0.4 min(1, (k-1)/4)),
 * k the number of citing provisions.
 */
static void find_broken(struct run *r)
{
	bg_cand_ctx *c = r->c;
	bg_buf b = BG_BUF_INIT;

	for (size_t s = 0; s < c->nslots; s++) {
		const struct slot *so = &c->slots[s];
		const bg_cand_facts *sl = facts_of(c, s);
		bool *done = calloc(sl->nrefs + 1, sizeof *done);
		if (!done) {
			r->nomem = true;
			return;
		}
		for (size_t i = 0; i < sl->nrefs; i++) {
			const struct cref *cr = &sl->refs[i];
			long t = slot_of_bwb(r, cr->tbwb);
			const struct slot *ts;
			const bg_cand_facts *tf;
			struct art key = { cr->tart, false };
			const struct art *hit;
			bool repealed;
			size_t k = 0;
			bg_cand *cd;

			if (done[i])
				continue;
			if (t < 0 || !c->slots[t].f) {
				r->out->stats.refs_outside++;
				continue;
			}
			r->out->stats.refs_checked++;
			if (strstr(cr->context, "luidde") || strstr(cr->context, "zoals die gold"))
				continue;
			ts = &c->slots[t];
			tf = ts->f;
			hit = bsearch(&key, tf->arts, tf->narts, sizeof *tf->arts, art_cmp);
			if (hit)
				continue; /* present and in force */
			key.repealed = true;
			hit = bsearch(&key, tf->arts, tf->narts, sizeof *tf->arts, art_cmp);
			repealed = hit != NULL;
			/* every reference of this source to the same article */
			for (size_t j = i; j < sl->nrefs; j++)
				if (!strcmp(sl->refs[j].tbwb, cr->tbwb) && !strcmp(sl->refs[j].tart, cr->tart)) {
					done[j] = true;
					k++;
				}
			if (!(cd = cand_new(r, BG_CAND_BROKEN_REF)))
				break;
			cd->raw = repealed ? 0.8 : 1.0;
			cd->score = cd->raw * (0.6 + 0.4 * fmin(1.0, (double)(k - 1) / 4.0));
			{
				const char *ids[2] = { bg_defset_law(c->set, so->law)->bwb_id, cr->tbwb };
				cand_laws(r, cd, ids, 2);
			}
			bg_buf_clear(&b);
			bg_buf_addf(&b, "%s artikel %s", cr->tbwb, cr->tart);
			cd->subject = keep(r, &b);
			if (!cand_provs(r, cd, 4))
				break;
			for (size_t j = i; j < sl->nrefs && cd->nprovs < 3; j++) {
				const struct cref *x = &sl->refs[j];
				bg_cand_prov *p;
				bool seen = false;
				if (strcmp(x->tbwb, cr->tbwb) || strcmp(x->tart, cr->tart))
					continue;
				for (size_t q = 0; q < cd->nprovs && !seen; q++)
					seen = !strcmp(cd->provs[q].address, x->addr);
				if (seen)
					continue;
				p = &cd->provs[cd->nprovs++];
				p->bwb_id = bg_defset_law(c->set, so->law)->bwb_id;
				p->law = law_short(c, so->law);
				p->label = x->label;
				p->address = x->addr;
				p->link = x->link;
				p->role = "verwijzing";
			}
			{
				bg_cand_prov *p = &cd->provs[cd->nprovs++];
				p->bwb_id = cr->tbwb;
				p->law = law_short(c, ts->law);
				bg_buf_clear(&b);
				bg_buf_addf(&b, "artikel %s", cr->tart);
				p->label = keep(r, &b);
				bg_buf_clear(&b);
				bg_buf_addf(&b, "%s/artikel=%s", cr->tbwb, cr->tart);
				p->address = keep(r, &b);
				bg_buf_clear(&b);
				bg_buf_addf(&b, "https://wetten.overheid.nl/jci1.3:c:%s&artikel=%s", cr->tbwb, cr->tart);
				p->link = keep(r, &b);
				p->role = "doel";
			}
			bg_buf_clear(&b);
			quote_into(&b, cr->context, strlen(cr->context), QUOTE_MAX);
			cd->evidence = keep(r, &b);
			bg_buf_clear(&b);
			bg_buf_addf(&b, "%s verwijst %zu keer naar artikel %s van %s, dat %s; verwijzing herstellen of schrappen.",
				    law_short(c, so->law), k, cr->tart, law_short(c, ts->law),
				    repealed ? "daar is vervallen" : "daar niet (meer) bestaat");
			cd->rationale = keep(r, &b);
		}
		free(done);
	}
	bg_buf_release(&b);
}

/* ------------------------------------------------------------- stacking */

static int double_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

static int float_cmp(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/*
 * Stacking score of complexity.h per leaf provision (lid, or artikel
 * without leden) of the latest versions; normalised s / (s + P95), P95 the
 * 95th percentile of all leaf provisions of the corpus read, so that a
 * provision at the 95th percentile scores 0.5 and the score approaches 1
 * for the heaviest piles.
 */
static void find_stacking(struct run *r, size_t top)
{
	bg_cand_ctx *c = r->c;
	size_t nall = 0, k = 0;
	float *all;
	double p95;
	bg_buf b = BG_BUF_INIT;
	double *best, cut;
	size_t nbest = 0;

	for (size_t s = 0; s < c->nslots; s++)
		nall += facts_of(c, s)->nleaf;
	if (!nall)
		return;
	if (!(all = malloc(nall * sizeof *all)) ||
	    !(best = malloc((c->nslots * STACK_KEEP + 1) * sizeof *best))) {
		free(all);
		r->nomem = true;
		return;
	}
	for (size_t s = 0; s < c->nslots; s++) {
		const bg_cand_facts *f = facts_of(c, s);
		if (f->nleaf)
			memcpy(all + k, f->leaf, f->nleaf * sizeof *all);
		k += f->nleaf;
		for (size_t i = 0; i < f->ntop; i++)
			best[nbest++] = f->top[i].stacking;
	}
	qsort(all, nall, sizeof *all, float_cmp);
	p95 = all[(size_t)((double)(nall - 1) * 0.95)];
	if (p95 <= 0)
		p95 = 1;
	r->out->stats.stacking_p95 = p95;
	free(all);
	/* candidates only for the best `top` (all when 0): the sorter cuts
	 * anyway, but every provision of the corpus would be too many.  A
	 * provision is among them when fewer than `top` score higher: when
	 * it scores at least the top-th highest score (cut). */
	cut = -HUGE_VAL;
	if (top && top <= nbest) {
		qsort(best, nbest, sizeof *best, double_desc);
		cut = best[top - 1];
	}
	for (size_t s = 0; s < c->nslots; s++) {
		const struct slot *so = &c->slots[s];
		const bg_cand_facts *sl = facts_of(c, s);
		for (size_t i = 0; i < sl->ntop; i++) {
			const struct sprov *sp = &sl->top[i];
			bg_cand *cd;
			if (sp->stacking <= 0 || sp->stacking < cut)
				continue;
			if (!(cd = cand_new(r, BG_CAND_STACKING)))
				goto done;
			cd->raw = sp->stacking;
			cd->score = sp->stacking / (sp->stacking + p95);
			{
				const char *id = bg_defset_law(c->set, so->law)->bwb_id;
				cand_laws(r, cd, &id, 1);
			}
			cd->subject = sp->label;
			if (!cand_provs(r, cd, 1))
				goto done;
			cd->provs[0] = (bg_cand_prov){ bg_defset_law(c->set, so->law)->bwb_id,
						       law_short(c, so->law), sp->label, sp->addr,
						       sp->link, "bepaling" };
			cd->nprovs = 1;
			bg_buf_clear(&b);
			quote_into(&b, sp->text, strlen(sp->text), QUOTE_MAX);
			cd->evidence = keep(r, &b);
			bg_buf_clear(&b);
			bg_buf_addf(&b, "%s %s stapelt %u voorwaarden, %u uitzonderingen, %u delegaties, "
				    "%u opsommingsonderdelen en %u verwijzingen (stapelscore %.1f); splitsen of vereenvoudigen.",
				    law_short(c, so->law), sp->label, sp->c.conditions, sp->c.exceptions,
				    sp->c.delegations, sp->c.items_and + sp->c.items_or,
				    sp->c.refs_internal + sp->c.refs_external, sp->stacking);
			cd->rationale = keep(r, &b);
		}
	}
done:
	free(best);
	bg_buf_release(&b);
}

/* ---------------------------------------------------- unused definitions */

/*
 * An own definition (scope regulation or container) whose term -- its
 * stemmed key, so plurals and inflections count, also inside compounds --
 * occurs nowhere in the regulation's text outside the defining provision.
 * score = 0.3 + 0.5 min(1, words / 60) of the definition body (a long
 * unused definition is more to strike), halved when the scope extends to
 * "de daarop berustende bepalingen" (the term may serve lower regulations).
 */
static void find_unused(struct run *r)
{
	bg_cand_ctx *c = r->c;
	bg_buf b = BG_BUF_INIT;

	for (size_t s = 0; s < c->nslots; s++) {
		const bg_cand_facts *sl = facts_of(c, s);
		size_t l = c->slots[s].law;
		r->out->stats.defs_checked += sl->nchecked;
		for (size_t i = 0; i < sl->nunused; i++) {
			const bg_def *d = bg_defset_get(c->set, c->law_defs[l][sl->unused[i]]);
			size_t w = bg_count_words(d->text, strlen(d->text));
			bool lower = strstr(d->scope_text, "berustende") != NULL;
			bg_cand *cd = cand_new(r, BG_CAND_UNUSED_DEF);
			if (!cd || !cand_provs(r, cd, 1))
				goto done;
			cd->raw = (double)w;
			cd->score = (0.3 + 0.5 * fmin(1.0, (double)w / 60.0)) * (lower ? 0.5 : 1.0);
			cand_laws(r, cd, &d->bwb_id, 1);
			cd->subject = d->term;
			prov_of_def(r, &cd->provs[0], d, "definitie");
			cd->nprovs = 1;
			bg_buf_clear(&b);
			bg_buf_addf(&b, "%s: ", d->term);
			quote_into(&b, d->text, strlen(d->text), QUOTE_MAX);
			cd->evidence = keep(r, &b);
			bg_buf_clear(&b);
			bg_buf_addf(&b, "Het begrip '%s' wordt in %s gedefinieerd maar nergens anders gebruikt; definitie schrappen%s.",
				    d->term, law_short(c, d->doc_index),
				    lower ? " (tenzij de daarop berustende regelingen het gebruiken)" : "");
			cd->rationale = keep(r, &b);
		}
	}
done:
	bg_buf_release(&b);
}

/* ------------------------------------------------------- undefined use */

/* The provision most definitions of a concept lead to: the root most
 * references end at, else the framework law the lexicon names for it. */
static bool names_concept(const bg_cand_ctx *c, const bg_def *d, const char *concept)
{
	long ci = bg_lexicon_find(c->lex, concept);
	if (ci < 0)
		return false;
	for (size_t v = 0; v < bg_lexicon_variant_count(c->lex, (size_t)ci); v++)
		if (!strcmp(bg_lexicon_variant_key(c->lex, (size_t)ci, v), d->term_key))
			return true;
	return false;
}

static const bg_def *common_root(const bg_cand_ctx *c, const char *concept)
{
	size_t n = bg_defset_count(c->set), best_n = 0;
	const bg_def *best = NULL;

	for (size_t i = 0; i < n; i++) {
		const bg_def *d = bg_defset_get(c->set, i), *rt = d->root;
		size_t k = 0;
		if (!rt || strcmp(d->concept, concept) || !c->latest[d->doc_index] ||
		    !names_concept(c, rt, concept))
			continue;
		if (best && best->doc_index == rt->doc_index && !strcmp(best->article, rt->article))
			continue;
		for (size_t j = 0; j < n; j++) {
			const bg_def *e = bg_defset_get(c->set, j);
			k += e->root && c->latest[e->doc_index] && !strcmp(e->concept, concept) &&
			     e->root->doc_index == rt->doc_index && !strcmp(e->root->article, rt->article);
		}
		if (k > best_n) {
			best_n = k;
			best = rt;
		}
	}
	return best;
}

/* A definition of the concept in a regulation the law cites: the one that
 * could apply by reference. */
static const bg_def *cited_definition(const struct run *r, const bg_cand_facts *sl,
				      const char *concept)
{
	const bg_cand_ctx *c = r->c;

	/* one slot per BWB id (the latest version) */
	for (size_t i = 0; i < sl->ncites; i++) {
		long s = slot_of_bwb(r, sl->cites[i]);
		size_t l;
		if (s < 0)
			continue;
		l = c->slots[s].law;
		for (size_t k = 0; k < c->law_ndefs[l]; k++) {
			const bg_def *d = bg_defset_get(c->set, c->law_defs[l][k]);
			if (d->kind == BG_DEF_OWN && !strcmp(d->concept, concept) &&
			    !strcmp(d->scope_kind, "regulation") && names_concept(c, d, concept))
				return d;
		}
	}
	return NULL;
}

/*
 * A regulation that uses a lexicon concept's terms (bg_deflaw uses) with no
 * definition of it in scope.  score = 0.7 x min(1, ln(1+u) / ln(1+100)) x
 * R, u the number of uses (100 or more give the full 0.7: an undefined
 * term may be meant in its ordinary sense, so this kind is weighted below
 * the others), R = 1 when a regulation it cites defines the concept (that
 * definition could apply by a reference), 0.5 otherwise (the proposal is
 * then the corpus's most common root of the concept, or none).
 */
static void find_undefined(struct run *r)
{
	bg_cand_ctx *c = r->c;
	bg_buf b = BG_BUF_INIT;
	const bg_def **roots = calloc(bg_lexicon_count(c->lex) + 1, sizeof *roots);
	bool *rooted = calloc(bg_lexicon_count(c->lex) + 1, sizeof *rooted);

	if (!roots || !rooted) {
		r->nomem = true;
		goto done;
	}
	for (size_t s = 0; s < c->nslots; s++) {
		const struct slot *so = &c->slots[s];
		const bg_cand_facts *sl = facts_of(c, s);
		const bg_deflaw *law = bg_defset_law(c->set, so->law);
		for (size_t u = 0; u < sl->nfu; u++) {
			const struct firstuse *f = &sl->fu[u];
			const char *concept = law->uses[f->use];
			long ci = bg_lexicon_find(c->lex, concept);
			size_t uses = 0;
			bool undefined = false;
			const bg_def *sug;
			bg_cand *cd;
			/* the facts name the concepts without a record of the
			 * document's own; an inherited record defines it too */
			for (size_t k = 0; k < c->nundef[s] && !undefined; k++)
				undefined = !strcmp(c->undef[s][k], concept);
			for (size_t k = 0; k < law->n_uses; k++)
				if (!strcmp(law->uses[k], concept))
					uses = law->use_counts[k];
			if (!undefined || ci < 0 || !uses)
				continue;
			if (!rooted[ci]) {
				roots[ci] = common_root(c, concept);
				rooted[ci] = true;
			}
			sug = cited_definition(r, sl, concept);
			double rel = sug ? 1.0 : 0.5;
			if (!sug)
				sug = roots[ci];
			if (!(cd = cand_new(r, BG_CAND_UNDEFINED_USE)) || !cand_provs(r, cd, 2))
				goto done;
			cd->raw = (double)uses;
			cd->score = 0.7 * fmin(1.0, log1p((double)uses) / log1p(100.0)) * rel;
			cd->subject = concept;
			{
				const char *ids[2] = { law->bwb_id, sug ? sug->bwb_id : law->bwb_id };
				cand_laws(r, cd, ids, 2);
			}
			cd->provs[0] = (bg_cand_prov){ law->bwb_id, law_short(c, so->law), f->label,
						       f->addr, f->link, "gebruik" };
			cd->nprovs = 1;
			if (sug)
				prov_of_def(r, &cd->provs[cd->nprovs++], sug, "voorstel");
			cd->evidence = f->snippet;
			bg_buf_clear(&b);
			bg_buf_addf(&b, "%s gebruikt '%s' %zu keer zonder definitie (eigen, verwijzing of overerfd)",
				    law_short(c, so->law), concept, uses);
			if (sug)
				bg_buf_addf(&b, "; kan verwijzen naar %s artikel %s ('%s')%s",
					    law_short(c, sug->doc_index), sug->article, sug->term,
					    rel < 1 ? ", de meest gevolgde definitie" : ", een wet waarnaar zij verwijst");
			bg_buf_adds(&b, ".");
			cd->rationale = keep(r, &b);
		}
	}
done:
	free(roots);
	free(rooted);
	bg_buf_release(&b);
}

/* ------------------------------------------------------ refer-instead */

struct uf {
	size_t *p;
};

static size_t uf_find(size_t *p, size_t x)
{
	while (p[x] != x)
		x = p[x] = p[p[x]];
	return x;
}

/* Is regulation l (a slot's law) a framework law of the lexicon? */
static bool is_framework(const bg_cand_ctx *c, const char *bwb)
{
	for (size_t i = 0; i < bg_lexicon_framework_count(c->lex); i++)
		if (!strcmp(bg_lexicon_framework_bwb(c->lex, i), bwb))
			return true;
	return false;
}

static int defidx_key_cmp(const void *a, const void *b, void *ctx)
{
	const bg_defset *set = ctx;
	const bg_def *x = bg_defset_get(set, *(const size_t *)a);
	const bg_def *y = bg_defset_get(set, *(const size_t *)b);
	int k = strcmp(x->term_key, y->term_key);
	return k ? k : (int)(*(const size_t *)a > *(const size_t *)b) - (int)(*(const size_t *)a < *(const size_t *)b);
}

/* The text distance of two wordings, (0.5 C + 0.3 T) / 0.8. */
static double refer_dist(const bg_cmp_def *a, const bg_cmp_def *b)
{
	double cdist = 0, tdist = 0;

	bg_cmp_score2(a, b, NULL, &cdist, &tdist);
	return (0.5 * cdist + 0.3 * tdist) / 0.8;
}

/* Are two wordings too far apart for refer_dist to be within
 * REFER_MAX_DIST, known from their lengths alone?  T = 1 - 2 LCS / (na +
 * nb) and LCS <= min(na, nb), so T >= |na - nb| / (na + nb); C >= 0.  The
 * margin keeps rounding on the safe side: a pair near the limit is
 * scored. */
static bool far_apart(const bg_cmp_def *a, const bg_cmp_def *b)
{
	size_t na = a->words.n, nb = b->words.n;
	double tmin;

	if (!na || !nb)
		return false;
	tmin = (double)(na > nb ? na - nb : nb - na) / (double)(na + nb);
	return 0.3 * tmin / 0.8 > REFER_MAX_DIST + 1e-6;
}

/* Are the words two wordings share too few for refer_dist to be within
 * REFER_MAX_DIST?  They bound the LCS (bg_cmp_vocab_tok_bound), so T; C >=
 * 0.  v: the words of the first; wid has room for b's words. */
static bool few_common(bg_cmp_vocab *v, const bg_cmp_def *b, uint32_t *wid)
{
	size_t common = 0;

	bg_cmp_vocab_ids(v, &b->words, wid, &common);
	return 0.3 * bg_cmp_vocab_tok_bound(v, common, b->words.n) / 0.8 > REFER_MAX_DIST + 1e-6;
}

/* Does cd[i] have components?  They are split at the first question. */
static bool has_components(struct run *r, bg_norm *nm, bg_cmp_def *cd, bool *split, size_t i)
{
	if (!split[i]) {
		split[i] = true;
		if (bg_cmp_prepare_components(nm, r->c->ph, &cd[i]) != BG_OK)
			r->nomem = true;
	}
	return cd[i].comp.n > 0;
}

/*
 * Own definitions of one term whose wording is identical or nearly so
 * (text distance (0.5 C + 0.3 T) / 0.8 of compare.h at most
 * REFER_MAX_DIST) in two or more regulations.  score = (1 - 1/n) x
 * min(1, words / 50) x (1 - mean distance), n the regulations: many laws
 * repeating a long text score high, two laws sharing "Onze Minister van
 * Financiën" low.  Proposed target: a framework law of the lexicon among
 * them, else the one most regulations of the corpus cite.  Treaties (BWBV)
 * take no part: each is agreed with another state and follows a model
 * convention, so repeating its definitions is by design and no Dutch
 * bill can make one treaty point to another.
 */
static void find_refer(struct run *r, bg_norm *nm)
{
	bg_cand_ctx *c = r->c;
	size_t nd = bg_defset_count(c->set), n = 0;
	size_t *idx = malloc((nd + 1) * sizeof *idx);
	bg_buf b = BG_BUF_INIT;

	if (!idx) {
		r->nomem = true;
		return;
	}
	for (size_t i = 0; i < nd; i++) {
		const bg_def *d = bg_defset_get(c->set, i);
		if (d->kind == BG_DEF_OWN && c->latest[d->doc_index] && d->term_key[0] &&
		    strncmp(d->bwb_id, "BWBV", 4) && bg_count_words(d->text, strlen(d->text)) >= 3)
			idx[n++] = i;
	}
	qsort_r(idx, n, sizeof *idx, defidx_key_cmp, (void *)c->set);
	for (size_t g0 = 0, g1; g0 < n; g0 = g1) {
		const char *key = bg_defset_get(c->set, idx[g0])->term_key;
		size_t m, distinct = 1;
		bg_cmp_def *cd = NULL;
		size_t *par = NULL, *ids = NULL, maxw = 0;
		double *dist = NULL;
		bool *split = NULL;
		uint32_t *wid = NULL;
		for (g1 = g0 + 1; g1 < n && !strcmp(bg_defset_get(c->set, idx[g1])->term_key, key); g1++)
			distinct += bg_defset_get(c->set, idx[g1])->doc_index !=
				    bg_defset_get(c->set, idx[g1 - 1])->doc_index;
		m = g1 - g0;
		if (m < 2 || distinct < 2)
			continue;
		if (m > REFER_GROUP_MAX)
			m = REFER_GROUP_MAX;
		cd = calloc(m, sizeof *cd);
		par = malloc(m * sizeof *par);
		ids = malloc(m * sizeof *ids);
		dist = malloc(m * m * sizeof *dist);
		split = calloc(m, sizeof *split);
		if (!cd || !par || !ids || !dist || !split) {
			r->nomem = true;
			free(cd), free(par), free(ids), free(dist), free(split);
			break;
		}
		for (size_t i = 0; i < m * m; i++)
			dist[i] = -1;
		for (size_t i = 0; i < m; i++) {
			const bg_def *d = bg_defset_get(c->set, idx[g0 + i]);
			cd[i].law = d->bwb_id;
			cd[i].file = d->file;
			cd[i].title = d->law_title;
			cd[i].date = d->date;
			cd[i].where = d->article;
			cd[i].kind = "own";
			cd[i].root = cd[i].origin = d->address;
			cd[i].root_label = "";
			cd[i].text = d->text;
			cd[i].link = d->link;
			par[i] = i;
			/* words and norm now; components only for a pair that
			 * is scored (split[i]) */
			if (bg_cmp_prepare_words(nm, &cd[i]) != BG_OK)
				r->nomem = true;
			if (cd[i].words.n > maxw)
				maxw = cd[i].words.n;
		}
		if (!r->nomem && !(wid = malloc((maxw + 1) * sizeof *wid)))
			r->nomem = true;
		for (size_t i = 0; i < m && !r->nomem; i++) {
			bg_cmp_vocab v;
			bool vi = false;
			for (size_t j = i + 1; j < m && !r->nomem; j++) {
				if (!strcmp(cd[i].law, cd[j].law) || uf_find(par, i) == uf_find(par, j))
					continue;
				if (strcmp(cd[i].norm, cd[j].norm)) {
					/* without components there is nothing to
					 * match: only identical wording joins */
					if (far_apart(&cd[i], &cd[j]))
						continue;
					if (!vi) {
						if (bg_cmp_vocab_init(&v, &cd[i].words) != BG_OK) {
							r->nomem = true;
							break;
						}
						vi = true;
					}
					if (few_common(&v, &cd[j], wid) ||
					    !has_components(r, nm, cd, split, i) ||
					    !has_components(r, nm, cd, split, j))
						continue;
					dist[i * m + j] = refer_dist(&cd[i], &cd[j]);
					if (dist[i * m + j] > REFER_MAX_DIST)
						continue;
				}
				par[uf_find(par, j)] = uf_find(par, i);
			}
			if (vi)
				bg_cmp_vocab_release(&v);
		}
		for (size_t root = 0; root < m && !r->nomem; root++) {
			size_t k = 0, laws = 0, target = SIZE_MAX;
			double dsum = 0;
			size_t dn = 0;
			bg_cand *x;
			const char **lawids;
			if (uf_find(par, root) != root)
				continue;
			for (size_t i = 0; i < m; i++)
				if (uf_find(par, i) == root)
					ids[k++] = i;
			for (size_t i = 0; i < k; i++) {
				bool seen = false;
				for (size_t j = 0; j < i && !seen; j++)
					seen = !strcmp(cd[ids[i]].law, cd[ids[j]].law);
				laws += !seen;
			}
			if (laws < 2)
				continue;
			for (size_t i = 0; i < k; i++)
				for (size_t j = i + 1; j < k; j++) {
					double *dd = &dist[ids[i] * m + ids[j]];
					if (!strcmp(cd[ids[i]].norm, cd[ids[j]].norm) ||
					    !has_components(r, nm, cd, split, ids[i]) ||
					    !has_components(r, nm, cd, split, ids[j])) {
						dn++;
						continue;
					}
					if (*dd < 0)
						*dd = refer_dist(&cd[ids[i]], &cd[ids[j]]);
					dsum += *dd;
					dn++;
				}
			/* target: a framework law, else the most cited */
			for (size_t i = 0; i < k; i++) {
				const bg_def *d = bg_defset_get(c->set, idx[g0 + ids[i]]);
				size_t s = c->slot_of[d->doc_index];
				if (target == SIZE_MAX) {
					target = i;
					continue;
				}
				const bg_def *t = bg_defset_get(c->set, idx[g0 + ids[target]]);
				size_t ts = c->slot_of[t->doc_index];
				bool fi = is_framework(c, d->bwb_id), ft = is_framework(c, t->bwb_id);
				size_t ci = s != SIZE_MAX ? r->cited_by[s] : 0;
				size_t ct = ts != SIZE_MAX ? r->cited_by[ts] : 0;
				if (fi != ft ? fi : ci != ct ? ci > ct : strcmp(d->bwb_id, t->bwb_id) < 0)
					target = i;
			}
			if (!(x = cand_new(r, BG_CAND_REFER_INSTEAD)))
				break;
			{
				const bg_def *t = bg_defset_get(c->set, idx[g0 + ids[target]]);
				double w = (double)bg_count_words(t->text, strlen(t->text));
				double dm = dn ? dsum / (double)dn : 0;
				x->raw = (double)laws;
				x->score = (1.0 - 1.0 / (double)laws) * fmin(1.0, w / 50.0) * (1.0 - dm);
				x->subject = t->term;
				lawids = bg_arena_alloc(r->out->arena, (k + 1) * sizeof *lawids);
				if (!lawids || !cand_provs(r, x, k)) {
					r->nomem = true;
					break;
				}
				prov_of_def(r, &x->provs[x->nprovs++], t, "voorstel");
				lawids[0] = t->bwb_id;
				for (size_t i = 0; i < k; i++) {
					const bg_def *d = bg_defset_get(c->set, idx[g0 + ids[i]]);
					lawids[i + 1 - (i > target)] = d->bwb_id;
					if (i != target)
						prov_of_def(r, &x->provs[x->nprovs++], d, "definitie");
				}
				cand_laws(r, x, lawids, k);
				bg_buf_clear(&b);
				bg_buf_addf(&b, "%s: ", t->term);
				quote_into(&b, t->text, strlen(t->text), QUOTE_MAX);
				x->evidence = keep(r, &b);
				bg_buf_clear(&b);
				bg_buf_addf(&b, "%zu regelingen schrijven dezelfde definitie van '%s' uit (gem. tekstafstand %.2f); "
					    "verwijs naar %s artikel %s.",
					    laws, t->term, dm, law_short(c, t->doc_index), t->article);
				x->rationale = keep(r, &b);
			}
		}
		for (size_t i = 0; i < m; i++)
			bg_cmp_def_release(&cd[i]);
		free(cd);
		free(par);
		free(ids);
		free(dist);
		free(split);
		free(wid);
		if (r->nomem)
			break;
	}
	free(idx);
	bg_buf_release(&b);
}

/* ----------------------------------------------------------- harmonise */

/* Does law l point to regulation bwb: cites it, declares it as its
 * framework, or has a definition whose target or root is there? */
static bool points_to(const bg_cand_ctx *c, size_t l, const char *bwb)
{
	const bg_deflaw *law = bg_defset_law(c->set, l);
	size_t s = c->slot_of[l];

	if (!strcmp(law->bwb_id, bwb))
		return true;
	for (size_t f = 0; f < law->n_frameworks; f++)
		if (!strcmp(bg_lexicon_framework_bwb(c->lex, law->frameworks[f]), bwb))
			return true;
	if (s != SIZE_MAX)
		for (size_t i = 0; i < facts_of(c, s)->ncites; i++)
			if (!strcmp(facts_of(c, s)->cites[i], bwb))
				return true;
	for (size_t k = 0; k < c->law_ndefs[l]; k++) {
		const bg_def *d = bg_defset_get(c->set, c->law_defs[l][k]);
		if (!strcmp(d->target_bwb_id, bwb) || (d->root && !strcmp(d->root->bwb_id, bwb)))
			return true;
	}
	return false;
}

struct hgroup {
	size_t *m;     /* cmp def indices */
	size_t n;
};

/* One concept: a bg_cmp_def per (latest regulation, article) as `begrip
 * compare` groups them; a definition made only of resolved references with
 * one root takes its root as variant key and the root's wording. */
static bg_status build_concept_defs(struct run *r, const char *concept, bg_cmp_def **out,
				    size_t **law_of, size_t *n)
{
	bg_cand_ctx *c = r->c;
	size_t nd = bg_defset_count(c->set), cap = 16, k = 0;
	bg_cmp_def *v = calloc(cap, sizeof *v);
	size_t *lo = calloc(cap, sizeof *lo);
	bg_buf t = BG_BUF_INIT, key = BG_BUF_INIT;

	if (!v || !lo)
		goto nomem;
	for (size_t i = 0; i < nd; i++) {
		const bg_def *d = bg_defset_get(c->set, i);
		bool seen = false;
		if (strcmp(d->concept, concept) || !c->latest[d->doc_index] || d->kind == BG_DEF_NEGATIVE)
			continue;
		for (size_t j = 0; j < k && !seen; j++)
			seen = lo[j] == d->doc_index && !strcmp(v[j].where, d->article);
		if (seen)
			continue;
		if (k == cap) {
			bg_cmp_def *nv = realloc(v, 2 * cap * sizeof *nv);
			size_t *nl;
			if (!nv)
				goto nomem;
			v = nv;
			if (!(nl = realloc(lo, 2 * cap * sizeof *nl)))
				goto nomem;
			lo = nl;
			memset(v + cap, 0, cap * sizeof *v);
			cap *= 2;
		}
		/* all records of this regulation and article */
		const bg_def *ref = NULL;
		bool only_refs = true, one_root = true;
		bg_buf_clear(&t);
		for (size_t j = 0; j < c->law_ndefs[d->doc_index]; j++) {
			const bg_def *e = bg_defset_get(c->set, c->law_defs[d->doc_index][j]);
			if (strcmp(e->concept, concept) || strcmp(e->article, d->article) ||
			    e->kind == BG_DEF_NEGATIVE)
				continue;
			if ((e->kind == BG_DEF_REFERENCE || e->kind == BG_DEF_INHERITED) && e->root) {
				if (ref && (ref->root->doc_index != e->root->doc_index ||
					    strcmp(ref->root->article, e->root->article)))
					one_root = false;
				ref = ref ? ref : e;
			} else {
				only_refs = false;
			}
			if (t.len)
				bg_buf_adds(&t, "; ");
			bg_buf_adds(&t, e->text);
		}
		v[k].law = d->bwb_id;
		v[k].file = d->file;
		v[k].title = law_short(c, d->doc_index);
		v[k].date = d->date;
		v[k].where = d->article;
		v[k].link = d->link;
		bg_buf_clear(&key);
		if (only_refs && ref && one_root) {
			bg_buf_addf(&key, "%s/artikel=%s", ref->root->bwb_id, ref->root->article);
			v[k].kind = bg_def_kind_name(ref->kind);
			v[k].root = v[k].origin = keep(r, &key);
			v[k].root_label = law_short(c, ref->root->doc_index);
			bg_buf_clear(&t);
			bg_buf_adds(&t, ref->root->text);
		} else {
			bg_buf_addf(&key, "%s/artikel=%s", d->bwb_id, d->article[0] ? d->article : d->address);
			v[k].kind = "own";
			v[k].root = v[k].origin = keep(r, &key);
			v[k].root_label = "";
		}
		v[k].text = keep(r, &t);
		lo[k++] = d->doc_index;
	}
	bg_buf_release(&t);
	bg_buf_release(&key);
	*out = v;
	*law_of = lo;
	*n = k;
	return BG_OK;
nomem:
	bg_buf_release(&t);
	bg_buf_release(&key);
	free(v);
	free(lo);
	return BG_ERR_NOMEM;
}

static size_t concept_uses(const bg_deflaw *law, const char *concept)
{
	for (size_t k = 0; k < law->n_uses; k++)
		if (!strcmp(law->uses[k], concept))
			return law->use_counts[k];
	return 0;
}

/* The term of the first definition of concept at article of regulation
 * doc ("dagloon" for the WW's inkomen at artikel 45), or the concept. */
static const char *concept_term(const bg_cand_ctx *c, size_t doc, const char *article,
				const char *concept)
{
	for (size_t j = 0; j < c->law_ndefs[doc]; j++) {
		const bg_def *e = bg_defset_get(c->set, c->law_defs[doc][j]);
		if (!strcmp(e->concept, concept) && !strcmp(e->article, article) &&
		    e->kind != BG_DEF_NEGATIVE && e->term[0])
			return e->term;
	}
	return concept;
}

/*
 * Per lexicon concept: anchors are the regulations definitions of the
 * concept lead to (roots of references) and the framework laws the lexicon
 * names for it.  The laws that "apply to the same people" as an anchor are
 * the defining laws that point to it (cite it, declare it their framework,
 * or have any definition referring to it) and the anchor itself.  A group
 * whose definitions fall in two or more variants (compare.h) is a
 * candidate.  score = D x (1 - 1/n) x sqrt(U): D the mean divergence of two
 * of its definitions from different laws, n the laws, U the group's share
 * of the concept's uses in the corpus (bg_deflaw use counts).  Proposed
 * common variant: the anchor's own definition when the anchor is in the
 * group (the root most laws already point to), else the variant held by
 * most laws, on a tie the one with fewest components.
 */
static void find_harmonise(struct run *r, bg_norm *nm, unsigned jobs)
{
	bg_cand_ctx *c = r->c;
	bg_buf b = BG_BUF_INIT;

	for (size_t ci = 0; ci < bg_lexicon_count(c->lex) && !r->nomem; ci++) {
		const char *concept = bg_lexicon_id(c->lex, ci);
		bg_cmp_def *defs = NULL;
		size_t *law_of = NULL, nd = 0, total_uses = 0;
		bg_cmp cmp;
		const char **anchors = NULL;
		size_t nanch = 0;
		struct hgroup *groups = NULL;
		size_t ng = 0;

		memset(&cmp, 0, sizeof cmp);
		if (build_concept_defs(r, concept, &defs, &law_of, &nd) != BG_OK) {
			r->nomem = true;
			break;
		}
		if (nd < 2 || r->nomem)
			goto next;
		if (bg_cmp_run(nm, c->ph, defs, nd, jobs ? jobs : 1, &cmp) != BG_OK) {
			r->nomem = true;
			goto next;
		}
		if (cmp.nvar < 2)
			goto next;
		for (size_t s = 0; s < c->nslots; s++)
			total_uses += concept_uses(bg_defset_law(c->set, c->slots[s].law), concept);
		anchors = calloc(nd + bg_lexicon_framework_count(c->lex) + 1, sizeof *anchors);
		groups = calloc(nd + bg_lexicon_framework_count(c->lex) + 1, sizeof *groups);
		if (!anchors || !groups) {
			r->nomem = true;
			goto next;
		}
		for (size_t i = 0; i < nd; i++) {
			const char *slash = strchr(defs[i].root, '/');
			size_t n = slash ? (size_t)(slash - defs[i].root) : strlen(defs[i].root);
			bool seen = false;
			if (!strcmp(defs[i].kind, "own"))
				continue;
			for (size_t a = 0; a < nanch && !seen; a++)
				seen = strlen(anchors[a]) == n && !strncmp(anchors[a], defs[i].root, n);
			if (!seen)
				anchors[nanch++] = adup(r->out->arena, defs[i].root, n, &r->nomem);
		}
		for (size_t f = 0; f < bg_lexicon_framework_count(c->lex); f++) {
			bool defines = false, seen = false;
			for (size_t j = 0; j < bg_lexicon_framework_concept_count(c->lex, f); j++)
				defines = defines || !strcmp(bg_lexicon_framework_concept(c->lex, f, j), concept);
			for (size_t a = 0; a < nanch && !seen; a++)
				seen = !strcmp(anchors[a], bg_lexicon_framework_bwb(c->lex, f));
			if (defines && !seen)
				anchors[nanch++] = bg_lexicon_framework_bwb(c->lex, f);
		}
		for (size_t a = 0; a < nanch; a++) {
			struct hgroup *g = &groups[ng];
			size_t nlaws = 0, nvar = 0, uses = 0, prop = SIZE_MAX;
			double dsum = 0;
			size_t dn = 0;
			bool dup = false;
			g->m = malloc(nd * sizeof *g->m);
			if (!g->m) {
				r->nomem = true;
				break;
			}
			g->n = 0;
			for (size_t i = 0; i < nd; i++)
				if (points_to(c, law_of[i], anchors[a]))
					g->m[g->n++] = i;
			for (size_t h = 0; h < ng && !dup; h++)
				dup = groups[h].n == g->n && !memcmp(groups[h].m, g->m, g->n * sizeof *g->m);
			if (dup || g->n < 2) {
				free(g->m);
				continue;
			}
			ng++;
			{
				size_t *vl = calloc(cmp.nvar, sizeof *vl);
				if (!vl) {
					r->nomem = true;
					break;
				}
				for (size_t i = 0; i < g->n; i++) {
					size_t di = g->m[i];
					bool seen = false;
					for (size_t j = 0; j < i && !seen; j++)
						seen = law_of[g->m[j]] == law_of[di];
					if (!seen) {
						nlaws++;
						uses += concept_uses(bg_defset_law(c->set, law_of[di]), concept);
					}
					if (!vl[defs[di].variant]++)
						nvar++;
					for (size_t j = i + 1; j < g->n; j++) {
						if (law_of[g->m[j]] == law_of[di])
							continue;
						dsum += bg_cmp_def_score(&cmp, di, g->m[j]);
						dn++;
					}
				}
				/* proposal: the anchor's own wording when it is a member;
				 * of several, the one most laws already follow (the Wet
				 * IB 2001's verzamelinkomen, not its "te conserveren
				 * inkomen") */
				for (size_t i = 0; i < g->n; i++)
					if (!strcmp(defs[g->m[i]].law, anchors[a]) &&
					    !strcmp(defs[g->m[i]].kind, "own") &&
					    (prop == SIZE_MAX ||
					     vl[defs[g->m[i]].variant] > vl[defs[prop].variant]))
						prop = g->m[i];
				if (prop == SIZE_MAX) {
					for (size_t i = 0; i < g->n; i++) {
						size_t di = g->m[i];
						if (prop == SIZE_MAX || vl[defs[di].variant] > vl[defs[prop].variant] ||
						    (vl[defs[di].variant] == vl[defs[prop].variant] &&
						     defs[di].comp.n < defs[prop].comp.n))
							prop = di;
					}
				}
				if (nvar >= 2 && nlaws >= 2 && dn && dsum > 0) {
					bg_cand *x = cand_new(r, BG_CAND_HARMONISE);
					const char **ids = bg_arena_alloc(r->out->arena, (g->n + 1) * sizeof *ids);
					double D = dsum / (double)dn;
					double U = total_uses ? (double)uses / (double)total_uses : 0;
					size_t follow = vl[defs[prop].variant], shown = 0;
					if (!x || !ids || !cand_provs(r, x, g->n)) {
						free(vl);
						r->nomem = true;
						break;
					}
					x->raw = D;
					x->score = D * (1.0 - 1.0 / (double)nlaws) * sqrt(U);
					x->subject = keeps(r, concept);
					ids[0] = defs[prop].law;
					for (size_t i = 0, k = 1; i < g->n; i++)
						if (g->m[i] != prop)
							ids[k++] = defs[g->m[i]].law;
					cand_laws(r, x, ids, g->n);
					/* the proposal first, then the members in file order */
					for (size_t i = SIZE_MAX; i == SIZE_MAX || i < g->n; i++) {
						size_t di = i == SIZE_MAX ? prop : g->m[i];
						bg_cand_prov *p;
						if (i != SIZE_MAX && di == prop)
							continue;
						p = &x->provs[x->nprovs++];
						bg_buf_clear(&b);
						bg_buf_addf(&b, "artikel %s", defs[di].where);
						p->bwb_id = defs[di].law;
						p->law = defs[di].title;
						p->label = keep(r, &b);
						bg_buf_clear(&b);
						bg_buf_addf(&b, "%s/artikel=%s", defs[di].law, defs[di].where);
						p->address = keep(r, &b);
						p->link = defs[di].link;
						p->role = di == prop ? "voorstel" :
							  defs[di].variant == defs[prop].variant ? "volgt voorstel" : "afwijkend";
					}
					/* evidence: the proposal and up to two other variants */
					bg_buf_clear(&b);
					for (size_t i = SIZE_MAX; shown < 3; i++) {
						size_t di = i == SIZE_MAX ? prop : SIZE_MAX;
						if (i != SIZE_MAX) {
							if (i >= g->n)
								break;
							di = g->m[i];
							bool first = true;
							for (size_t j = 0; j < i; j++)
								first = first && defs[g->m[j]].variant != defs[di].variant;
							if (!first || defs[di].variant == defs[prop].variant)
								continue;
						}
						if (b.len)
							bg_buf_adds(&b, " | ");
						bg_buf_addf(&b, "%s art. %s: ", defs[di].title, defs[di].where);
						quote_into(&b, defs[di].text, strlen(defs[di].text), QUOTE_MAX / 2);
						shown++;
					}
					x->evidence = keep(r, &b);
					bg_buf_clear(&b);
					const char *pt = concept_term(c, law_of[prop], defs[prop].where, concept);
					/* "Verzamelinkomen is ..." opens a sentence: "verzamelinkomen" */
					bool lower = pt[0] >= 'A' && pt[0] <= 'Z' && pt[1] >= 'a' && pt[1] <= 'z';
					bg_buf_addf(&b, "'%s' heeft %zu varianten in %zu wetten rond %s (gem. divergentie %.2f); "
						    "voorstel: de definitie van '%c%s' in %s artikel %s als gemeenschappelijke (al gevolgd door %zu).",
						    concept, nvar, nlaws,
						    slot_of_bwb(r, anchors[a]) >= 0 ?
						    law_short(c, c->slots[slot_of_bwb(r, anchors[a])].law) : anchors[a],
						    D, lower ? pt[0] - 'A' + 'a' : pt[0], pt + 1,
						    defs[prop].root_label[0] ? defs[prop].root_label : defs[prop].title,
						    strchr(defs[prop].root, '=') ? strchr(defs[prop].root, '=') + 1 : defs[prop].where,
						    follow);
					x->rationale = keep(r, &b);
				}
				free(vl);
			}
		}
	next:
		for (size_t h = 0; h < ng; h++)
			free(groups[h].m);
		free(groups);
		free(anchors);
		if (cmp.defs)
			bg_cmp_release(&cmp);
		else
			for (size_t i = 0; i < nd; i++)
				bg_cmp_def_release(&defs[i]);
		free(defs);
		free(law_of);
	}
	bg_buf_release(&b);
}

/* ----------------------------------------------------------------- run */

static int cand_cmp(const void *a, const void *b)
{
	const bg_cand *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return strcmp(x->subject, y->subject);
}

static int bwb_pair_cmp(const void *a, const void *b, void *ctx)
{
	const char **names = ctx;
	return strcmp(names[*(const size_t *)a], names[*(const size_t *)b]);
}

bg_status bg_cand_run(bg_cand_ctx *c, bg_norm *nm, const bg_cand_opts *o, bg_cand_list *out)
{
	struct run r = { c, out, 0, false, NULL, NULL, NULL };
	const char **names = NULL;
	size_t *order = NULL, kept = 0, per[BG_CAND__COUNT] = { 0 };
	bool want[BG_CAND__COUNT];

	memset(out, 0, sizeof *out);
	if (!(out->arena = bg_arena_new()))
		return BG_ERR_NOMEM;
	for (int k = 0; k < BG_CAND__COUNT; k++)
		want[k] = o->kind < 0 || o->kind == k;
	names = calloc(c->nslots + 1, sizeof *names);
	order = calloc(c->nslots + 1, sizeof *order);
	r.bwb_sorted = calloc(c->nslots + 1, sizeof *r.bwb_sorted);
	r.slot_sorted = calloc(c->nslots + 1, sizeof *r.slot_sorted);
	r.cited_by = calloc(c->nslots + 1, sizeof *r.cited_by);
	if (!names || !order || !r.bwb_sorted || !r.slot_sorted || !r.cited_by) {
		r.nomem = true;
		goto done;
	}
	for (size_t s = 0; s < c->nslots; s++) {
		names[s] = bg_defset_law(c->set, c->slots[s].law)->bwb_id;
		order[s] = s;
		out->stats.docs += c->slots[s].f != NULL;
	}
	qsort_r(order, c->nslots, sizeof *order, bwb_pair_cmp, names);
	for (size_t s = 0; s < c->nslots; s++) {
		r.bwb_sorted[s] = names[order[s]];
		r.slot_sorted[s] = order[s];
	}
	for (size_t s = 0; s < c->nslots; s++)
		for (size_t i = 0; i < facts_of(c, s)->ncites; i++) {
			long t = slot_of_bwb(&r, facts_of(c, s)->cites[i]);
			if (t >= 0)
				r.cited_by[t]++;
		}
	if (want[BG_CAND_BROKEN_REF])
		find_broken(&r);
	if (want[BG_CAND_STACKING] && !r.nomem)
		find_stacking(&r, o->top);
	if (want[BG_CAND_UNUSED_DEF] && !r.nomem)
		find_unused(&r);
	if (want[BG_CAND_UNDEFINED_USE] && !r.nomem)
		find_undefined(&r);
	if (want[BG_CAND_REFER_INSTEAD] && !r.nomem && c->ph)
		find_refer(&r, nm);
	if (want[BG_CAND_HARMONISE] && !r.nomem && c->ph)
		find_harmonise(&r, nm, o->jobs);
	if (r.nomem)
		goto done;
	qsort(out->v, out->n, sizeof *out->v, cand_cmp);
	/* --top: per kind */
	for (size_t i = 0; i < out->n; i++) {
		if (o->top && per[out->v[i].kind] >= o->top)
			continue;
		per[out->v[i].kind]++;
		out->v[kept++] = out->v[i];
	}
	out->n = kept;
done:
	free(names);
	free(order);
	free(r.bwb_sorted);
	free(r.slot_sorted);
	free(r.cited_by);
	if (r.nomem) {
		bg_cand_list_release(out);
		return BG_ERR_NOMEM;
	}
	return BG_OK;
}

void bg_cand_list_release(bg_cand_list *l)
{
	free(l->v);
	bg_arena_free(l->arena);
	memset(l, 0, sizeof *l);
}
