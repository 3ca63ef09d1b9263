/*
 * report.c -- builds the model of the batch report (report.h): one read of
 * the corpus (bg_defs_collect_ex) that extracts the definitions and, on
 * the same parsed document, measures it, collects its candidate facts and
 * stores it; then every lexicon concept compared across the corpus as
 * `begrip compare` does (concept_defs.h forms the definitions), and the
 * candidates ranked.
 */
#include "report.h"
#include "concept_defs.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* ------------------------------------------------- the document pass */

/* One read of the corpus (bg_defs_collect_ex): on the worker that has
 * just extracted a document's definitions, the same document is measured
 * (complexity), its candidate facts are collected and its store rows are
 * copied out (bg_store_doc_rows).  Rows go into the store in file order,
 * so ids do not depend on the threads: whichever worker finds the next
 * file's rows ready inserts them while the other goes on reading. */
struct pass {
	bg_store_order *order;   /* store rows, inserted in file order */
	const bg_lexicon *lex;
	const bg_cx_rules *rules;
	bg_cand_facts **facts;
	bg_cx_doc **cx;
	bool *oom;
};

/* A file that did not parse: no rows to wait for. */
static void failed_doc(size_t i, void *arg)
{
	struct pass *c = arg;

	bg_store_order_put(c->order, i, NULL);
}

static void each_doc(size_t i, const bg_doc *doc, const bg_defset *docdefs, bg_norm *nm,
		     void *arg)
{
	struct pass *c = arg;
	bg_cx_doc *cx = bg_cx_analyze(c->rules, doc);
	bg_store_docrows *rows = bg_store_doc_rows(doc);

	if (!cx || !rows ||
	    bg_cand_facts_collect(doc, docdefs, c->lex, c->rules, cx, nm, &c->facts[i]) != BG_OK)
		c->oom[i] = true;
	c->cx[i] = cx;
	/* the provisions' measures go in with the rows, during the read;
	 * the regulation's wait for the corpus step (store_tail) */
	bg_store_docrows_set_measures(rows, cx);
	bg_store_order_put(c->order, i, rows);
}

/* The store's measures and definitions (ids: position + 1, as in
 * `begrip index`) and its completion (bg_store_complete), for a thread of
 * its own; the split into components runs on one more thread with its own
 * normaliser. */
struct tail {
	bg_store *store;
	bg_cx_doc **cx;
	const int64_t *reg_ids;
	size_t n;
	const bg_defset *set;
	const bg_cmp_phrases *phrases;
	bg_status rc;
};

static void *store_tail(void *arg)
{
	struct tail *w = arg;

	for (size_t i = 0; i < w->n; i++)
		if (w->cx[i] && w->reg_ids[i] &&
		    bg_store_add_regulation_measures(w->store, w->reg_ids[i], w->cx[i]) != BG_OK) {
			w->rc = BG_ERR_IO;
			return NULL;
		}
	w->rc = bg_store_add_defs(w->store, w->set, w->phrases, 1);
	/* indexes, references and distributions here too, while the caller
	 * compares: only candidates and meta rows come after this */
	if (w->rc == BG_OK)
		w->rc = bg_store_complete(w->store);
	return NULL;
}

/* ------------------------------------------------------- concepts */

static bg_status run_concept(bg_report *r, const bg_report_tools *t, size_t li,
			     unsigned jobs, struct bg_cdbuild *b)
{
	bg_report_concept *c = &r->concepts[li];
	struct bg_cdgroups g = { 0 };
	bg_status rc = BG_OK;

	c->lex_index = li;
	c->id = bg_lexicon_id(r->lex, li);
	c->label = bg_lexicon_label(r->lex, li);
	c->note = bg_lexicon_note(r->lex, li);
	c->broader = bg_lexicon_broader(r->lex, li);
	for (size_t i = 0; i < bg_defset_count(r->set); i++) {
		const bg_def *d = bg_defset_get(r->set, i);
		struct bg_cdgroup *gr;
		if (strcmp(d->concept, c->id))
			continue;
		c->nrecords++;
		if (!r->latest[d->doc_index])
			continue;
		if (!(gr = bg_cdgroup_get(&g, d->doc_index, d->article, NULL)) || !bg_cdgroup_add(gr, i)) {
			rc = BG_ERR_NOMEM;
			goto out;
		}
	}
	if (!g.n)
		goto out;
	if (!(c->defs = calloc(g.n, sizeof *c->defs))) {
		rc = BG_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < g.n; i++)
		bg_cdbuild_def(b, &g.v[i], &c->defs[c->ndefs++]);
	if (b->nomem || bg_cmp_run(t->nm, t->phrases, c->defs, c->ndefs, jobs, &c->cmp) != BG_OK)
		rc = BG_ERR_NOMEM;
out:
	bg_cdgroups_release(&g);
	return rc;
}

/* Candidates as rows of the store's candidates table: the laws involved
 * and the addresses of the provisions, quoted evidence, rationale. */
static bg_status store_cands(bg_store *st, const bg_cand_list *l)
{
	const char **addr = NULL;
	size_t alloc = 0;
	bg_status rc = BG_OK;

	for (size_t i = 0; i < l->n && rc == BG_OK; i++) {
		const bg_cand *c = &l->v[i];
		bg_store_candidate row;
		if (c->nprovs > alloc) {
			const char **na = realloc(addr, c->nprovs * sizeof *na);
			if (!na) {
				rc = BG_ERR_NOMEM;
				break;
			}
			addr = na;
			alloc = c->nprovs;
		}
		for (size_t j = 0; j < c->nprovs; j++)
			addr[j] = c->provs[j].address;
		row = (bg_store_candidate){ bg_cand_kind_name(c->kind), c->score,
					    (const char *const *)c->laws, c->nlaws,
					    (const char *const *)addr, c->nprovs,
					    c->evidence, c->rationale };
		rc = bg_store_add_candidate(st, &row);
	}
	free(addr);
	return rc;
}

/* ------------------------------------------------------- the close */

/*
 * The end of the store -- the measures and definitions going in on the
 * tail thread, the candidates, the meta table, the indexes and the commit
 * -- runs on a thread of its own once the model is complete, so that the
 * caller writes the report files meanwhile (bg_report_store_wait).
 */
struct bg_report_closer {
	pthread_t thread;
	bool started;
	bg_store *store;
	bg_store_order *order;   /* holds the ids the tail thread reads */
	struct tail tail;
	pthread_t tail_thread;
	bool tail_running;
	const bg_report *r;
	const char *corpus_label, *db_path, *lexicon_path, *complexity_path;
	bg_status rc;
	bg_diag d;
};

static bg_status meta_num(bg_store *s, const char *key, size_t v)
{
	char b[32];

	snprintf(b, sizeof b, "%zu", v);
	return bg_store_set_meta(s, key, b);
}

static void *close_store(void *arg)
{
	struct bg_report_closer *k = arg;
	const bg_report *r = k->r;
	bg_store *store = k->store;
	char hash[17];

	k->store = NULL;   /* finished or aborted below */
	if (k->tail_running) {
		pthread_join(k->tail_thread, NULL);
		k->tail_running = false;
	}
	bg_store_order_free(k->order);
	k->order = NULL;
	if ((k->rc = k->tail.rc) == BG_OK)
		k->rc = store_cands(store, &r->cands);
	if (k->rc == BG_OK &&
	    (bg_store_set_meta(store, "begrip_version", BG_VERSION) ||
	     bg_store_set_meta(store, "corpus", k->corpus_label) ||
	     meta_num(store, "files", r->files) ||
	     meta_num(store, "parsed", r->parsed) ||
	     meta_num(store, "failed", r->failed) ||
	     meta_num(store, "definitions", bg_defset_count(r->set)) ||
	     meta_num(store, "candidates", r->cands.n) ||
	     bg_store_set_meta(store, "created", r->created) ||
	     bg_store_set_meta(store, "lexicon", k->lexicon_path) ||
	     bg_store_set_meta(store, "lexicon_hash",
			       bg_store_file_hash(k->lexicon_path, hash) ? hash : "") ||
	     bg_store_set_meta(store, "complexity_lexicon", k->complexity_path) ||
	     bg_store_set_meta(store, "complexity_lexicon_hash",
			       bg_store_file_hash(k->complexity_path, hash) ? hash : "")))
		k->rc = BG_ERR_IO;
	if (k->rc == BG_OK) {
		k->rc = bg_store_finish(store, &k->d);
		return NULL;
	}
	if (k->rc == BG_ERR_NOMEM && !bg_store_error(store)[0]) {
		bg_diag_set(&k->d, BG_ERR_NOMEM, NULL, 0, 0, "out of memory");
	} else {
		bg_diag_set(&k->d, BG_ERR_IO, k->db_path, 0, 0, "%s",
			    bg_store_error(store)[0] ? bg_store_error(store) :
						       "cannot write the store");
		k->rc = BG_ERR_IO;
	}
	bg_store_abort(store);
	return NULL;
}

bg_status bg_report_store_wait(bg_report *r, bg_diag *d)
{
	struct bg_report_closer *k = r->closer;
	bg_status rc;

	if (!k)
		return BG_OK;
	if (k->started)
		pthread_join(k->thread, NULL);
	else
		close_store(k);
	rc = k->rc;
	if (rc != BG_OK && d)
		bg_diag_set(d, k->d.status ? k->d.status : rc, k->d.file, k->d.line, k->d.column,
			    "%s", k->d.message ? k->d.message : "cannot write the store");
	bg_diag_clear(&k->d);
	free(k);
	r->closer = NULL;
	return rc;
}

/* ------------------------------------------------------- the build */

static int by_rank(const void *a, const void *b)
{
	const bg_cx_doc *x = *(bg_cx_doc *const *)a, *y = *(bg_cx_doc *const *)b;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

static void tell(bg_report_stage_fn stage, void *ctx, const char *msg)
{
	bg_heap_advise();   /* what the last stage grew the heap by */
	if (stage)
		stage(msg, ctx);
}

bg_status bg_report_build(bg_report *r, const bg_filelist *fl, unsigned jobs,
			  const bg_report_tools *t, size_t top, const char *corpus_label,
			  const char *db_path, bool progress,
			  bg_report_stage_fn stage, void *stage_ctx, bg_diag *d)
{
	struct pass c;
	bg_store *store = NULL;
	bg_cand_ctx *cand = NULL;
	bg_defs_hooks hooks;
	struct bg_report_closer *k = NULL;
	bg_batch dbatch = { 0 };
	size_t n1 = fl->count ? fl->count : 1;
	bg_status rc = BG_ERR_NOMEM;
	struct bg_cdbuild b;
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	(void)progress;   /* the read shows progress on a terminal itself */
	memset(r, 0, sizeof *r);
	memset(&c, 0, sizeof c);
	r->lex = t->lex;
	r->version = BG_VERSION;
	r->files = fl->count;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (!(r->arena = bg_arena_new()) ||
	    !(r->created = bg_arena_strdup(r->arena, when)) ||
	    !(r->corpus = bg_arena_strdup(r->arena, corpus_label)))
		goto nomem;

	if ((rc = bg_store_create(db_path, &store, d)) != BG_OK)
		goto out;
	rc = BG_ERR_NOMEM;

	/* the one read: definitions (resolved across the corpus once all are
	 * in), measures, candidate facts, regulations, provisions, references */
	tell(stage, stage_ctx, "definitions, documents, provisions, references, measures");
	c.order = bg_store_order_new(store, fl->count);
	c.lex = t->lex;
	c.rules = t->rules;
	c.facts = calloc(n1, sizeof *c.facts);
	r->cx = c.cx = calloc(n1, sizeof *c.cx);
	r->ncx = fl->count;
	c.oom = calloc(n1, sizeof *c.oom);
	if (!c.order || !c.facts || !c.cx || !c.oom)
		goto nomem;
	hooks = (bg_defs_hooks){ each_doc, failed_doc, &c };
	if (bg_defs_collect_ex(fl, jobs, t->lex, &hooks, &r->set, &dbatch) != BG_OK)
		goto nomem;
	r->diags = dbatch.diags;     /* taken over: released with the report */
	dbatch.diags = NULL;
	dbatch.count = 0;
	for (size_t i = 0; i < fl->count; i++) {
		if (c.oom[i])
			goto nomem;
		if (r->diags[i].status)
			r->failed++;
		else
			r->parsed++;
	}
	if (bg_store_order_finish(c.order) != BG_OK)
		goto store_err;
	if (bg_cand_new(r->set, t->lex, t->rules, t->phrases, &cand) != BG_OK)
		goto nomem;
	r->cand_ctx = cand;
	for (size_t i = 0; i < fl->count; i++) {
		bg_cand_add_facts(cand, c.facts[i]);
		c.facts[i] = NULL;
	}

	tell(stage, stage_ctx, "measures across the corpus");
	if (bg_cx_corpus_finish(c.cx, fl->count) != BG_OK)
		goto nomem;
	if (!(r->ranked = calloc(n1, sizeof *r->ranked)))
		goto nomem;
	for (size_t i = 0; i < fl->count; i++)
		if (c.cx[i] && c.cx[i]->rank)
			r->ranked[r->nranked++] = c.cx[i];
	qsort(r->ranked, r->nranked, sizeof *r->ranked, by_rank);

	/* the store's measures and definitions on a thread of their own (one
	 * SQLite connection, used by nobody else meanwhile) while this one
	 * compares the concepts and ranks the candidates */
	tell(stage, stage_ctx, "measures and definitions into the store; concepts compared");
	if (!(k = calloc(1, sizeof *k)))
		goto nomem;
	k->tail = (struct tail){ store, c.cx, bg_store_order_reg_ids(c.order), fl->count, r->set,
				 t->phrases, BG_OK };
	if (pthread_create(&k->tail_thread, NULL, store_tail, &k->tail))
		store_tail(&k->tail);
	else
		k->tail_running = true;
	if (!(r->latest = bg_cd_latest_versions(r->set, false)))
		goto nomem;
	r->nconcepts = bg_lexicon_count(t->lex);
	if (!(r->concepts = calloc(r->nconcepts + 1, sizeof *r->concepts)))
		goto nomem;
	b = (struct bg_cdbuild){ r->set, t->lex, r->latest, false, r->arena, false };
	for (size_t i = 0; i < r->nconcepts; i++)
		if (run_concept(r, t, i, jobs, &b) != BG_OK)
			goto nomem;

	tell(stage, stage_ctx, "simplification candidates");
	{
		bg_cand_opts o = { top, -1, jobs };
		if (bg_cand_run(cand, t->nm, &o, &r->cands) != BG_OK)
			goto nomem;
		r->candidates_done = true;
	}
	/* the rest of the store on a thread of its own: the caller writes the
	 * report files meanwhile and then waits (bg_report_store_wait) */
	tell(stage, stage_ctx, "indexes and commit of the store, with the report files");
	k->store = store;
	k->order = c.order;
	c.order = NULL;
	k->r = r;
	k->corpus_label = corpus_label;
	k->db_path = db_path;
	k->lexicon_path = t->lexicon_path;
	k->complexity_path = t->complexity_path;
	r->closer = k;
	k->started = pthread_create(&k->thread, NULL, close_store, k) == 0;
	/* (not started: bg_report_store_wait closes the store itself) */
	k = NULL;
	store = NULL;
	rc = BG_OK;
	goto out;

store_err:
	bg_diag_set(d, BG_ERR_IO, db_path, 0, 0, "%s",
		    bg_store_error(store)[0] ? bg_store_error(store) : "cannot write the store");
	rc = BG_ERR_IO;
	goto out;
nomem:
	bg_diag_set(d, BG_ERR_NOMEM, NULL, 0, 0, "out of memory");
	rc = BG_ERR_NOMEM;
out:
	if (k) {
		if (k->tail_running)
			pthread_join(k->tail_thread, NULL);   /* before the store goes */
		free(k);
	}
	bg_store_abort(store);
	if (!r->cand_ctx)
		bg_cand_free(cand);
	if (c.facts)
		for (size_t i = 0; i < fl->count; i++)
			bg_cand_facts_free(c.facts[i]);
	free(c.facts);
	free(c.oom);
	bg_store_order_free(c.order);
	if (dbatch.diags)
		bg_batch_release(&dbatch);
	return rc;
}

void bg_report_release(bg_report *r)
{
	if (!r)
		return;
	bg_report_store_wait(r, NULL);   /* the store goes before its model */
	for (size_t i = 0; i < r->nconcepts; i++) {
		bg_report_concept *c = &r->concepts[i];
		if (c->cmp.defs)
			bg_cmp_release(&c->cmp);
		else
			for (size_t j = 0; j < c->ndefs; j++)
				bg_cmp_def_release(&c->defs[j]);
		free(c->defs);
	}
	free(r->concepts);
	if (r->diags)
		for (size_t i = 0; i < r->ncx; i++)
			bg_diag_clear(&r->diags[i]);
	free(r->diags);
	if (r->cx)
		for (size_t i = 0; i < r->ncx; i++)
			bg_cx_doc_free(r->cx[i]);
	free(r->cx);
	free(r->ranked);
	free(r->latest);
	if (r->candidates_done)
		bg_cand_list_release(&r->cands);
	bg_cand_free(r->cand_ctx);
	bg_defset_free(r->set);
	bg_arena_free(r->arena);
	memset(r, 0, sizeof *r);
}

bool bg_report_def_latest(const bg_report *r, const bg_def *d)
{
	return r->latest && r->latest[d->doc_index];
}

void bg_report_law_link(const char *bwb_id, bg_buf *out)
{
	if (bwb_id[0])
		bg_buf_addf(out, "https://wetten.overheid.nl/%s", bwb_id);
}
