/*
 * check_store.c -- the SQLite store: schema, round trip of hostile text,
 * reference resolution, lookups, atomic replacement, refusal of foreign
 * files and other schema versions.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"

/* Text a law could contain and an SQL string builder would choke on. */
static const char *const hostile[] = {
	"it's \"quoted\"; DROP TABLE provisions; --",
	"'); DROP TABLE definitions; --",
	"<al>markup &amp; <extref doc=\"x\">ref</extref></al><script>alert(1)</script>",
	"Ĳssel € 𝄞 \xc2\xa0nbsp \xe2\x80\x8bzw \xe2\x80\xaertl %s %n \\ \x01\x1f\t\r\n end",
	"?1 ?2 :name @x $y",
};
#define NHOSTILE (sizeof hostile / sizeof *hostile)

static char dir[64];
static char dbpath[128];

static void setup(void)
{
	strcpy(dir, "/tmp/check_store.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/index.sqlite", dir);
}

static void teardown(void)
{
	char cmd[160];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static bool exists(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0;
}

/* Number of files in dir whose name starts with prefix. */
static int count_prefixed(const char *prefix)
{
	char cmd[256];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -1a '%s' | grep -c '^%s' || true", dir, prefix);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

static int64_t query_int(bg_store *s, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v;

	ck_assert_int_eq(sqlite3_prepare_v2(bg_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Regulation `bwb` with:
 *   artikel 1 (heading h): lid 1 (text t, a reference to target), lid 2
 *   artikel 2: "Vervallen."
 *   artikel 10: text
 *   artikel D 2: text (numbered the way the Kieswet numbers)
 */
static bg_doc *make_doc(const char *bwb, const char *h, const char *t,
			const char *target)
{
	char path[64];
	bg_doc *d;
	bg_node *a1, *l1, *al, *a2, *a10, *l2;

	snprintf(path, sizeof path, "corpus/%s.xml", bwb);
	d = bg_doc_new(path, BG_DIALECT_WETGEVING);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(bg_doc_set_meta(d, bwb, "wet", h, "2025-01-01"), BG_OK);
	ck_assert_ptr_nonnull(a1 = bg_doc_add_node(d, NULL, BG_N_ARTIKEL, "1", h, NULL, 10));
	ck_assert_ptr_nonnull(l1 = bg_doc_add_node(d, a1, BG_N_LID, "1", NULL, NULL, 11));
	ck_assert_ptr_nonnull(al = bg_doc_add_node(d, l1, BG_N_AL, NULL, NULL, t, 12));
	if (target)
		ck_assert_int_eq(bg_doc_add_ref(d, al, strncmp(target + 6, bwb, 11) != 0,
						target, t), BG_OK);
	ck_assert_ptr_nonnull(l2 = bg_doc_add_node(d, a1, BG_N_LID, "2", NULL, NULL, 13));
	ck_assert_ptr_nonnull(bg_doc_add_node(d, l2, BG_N_AL, NULL, NULL, "Tweede lid.", 14));
	ck_assert_ptr_nonnull(a2 = bg_doc_add_node(d, NULL, BG_N_ARTIKEL, "2", NULL, NULL, 20));
	ck_assert_ptr_nonnull(bg_doc_add_node(d, a2, BG_N_AL, NULL, NULL, "Vervallen.", 21));
	ck_assert_ptr_nonnull(a10 = bg_doc_add_node(d, NULL, BG_N_ARTIKEL, "10", NULL, NULL, 30));
	ck_assert_ptr_nonnull(bg_doc_add_node(d, a10, BG_N_AL, NULL, NULL, "Tiende.", 31));
	ck_assert_ptr_nonnull(a10 = bg_doc_add_node(d, NULL, BG_N_ARTIKEL, "D 2", NULL, NULL, 40));
	ck_assert_ptr_nonnull(bg_doc_add_node(d, a10, BG_N_AL, NULL, NULL, "Kieswet-stijl.", 41));
	ck_assert_int_eq(bg_doc_finish(d), BG_OK);
	return d;
}

static bg_def make_def(const char *s, const char *concept, const char *key)
{
	bg_def d;

	memset(&d, 0, sizeof d);
	d.file = d.bwb_id = d.law_title = d.date = d.article = d.lid = d.item = s;
	d.term = d.target_bwb_id = d.target_article = d.target_lid = s;
	d.chain_status = d.scope_kind = d.scope_text = d.scope_address = s;
	d.text = d.modification = d.link = d.address = d.ref_text = s;
	d.term_key = key;
	d.concept = concept;
	d.kind = BG_DEF_MODIFIED_REFERENCE;
	d.line = 42;
	d.ref_marked_up = true;
	return d;
}

static void assert_def_eq(const bg_def *a, const bg_def *b)
{
	ck_assert_str_eq(a->file, b->file);
	ck_assert_str_eq(a->bwb_id, b->bwb_id);
	ck_assert_str_eq(a->law_title, b->law_title);
	ck_assert_str_eq(a->date, b->date);
	ck_assert_str_eq(a->article, b->article);
	ck_assert_str_eq(a->lid, b->lid);
	ck_assert_str_eq(a->item, b->item);
	ck_assert_str_eq(a->term, b->term);
	ck_assert_str_eq(a->term_key, b->term_key);
	ck_assert_str_eq(a->concept, b->concept);
	ck_assert_int_eq(a->kind, b->kind);
	ck_assert_str_eq(a->target_bwb_id, b->target_bwb_id);
	ck_assert_str_eq(a->target_article, b->target_article);
	ck_assert_str_eq(a->target_lid, b->target_lid);
	ck_assert_str_eq(a->chain_status, b->chain_status);
	ck_assert_str_eq(a->scope_kind, b->scope_kind);
	ck_assert_str_eq(a->scope_text, b->scope_text);
	ck_assert_str_eq(a->scope_address, b->scope_address);
	ck_assert_str_eq(a->text, b->text);
	ck_assert_str_eq(a->modification, b->modification);
	ck_assert_str_eq(a->link, b->link);
	ck_assert_str_eq(a->address, b->address);
	ck_assert_str_eq(a->ref_text, b->ref_text);
	ck_assert_uint_eq(a->line, b->line);
	ck_assert_int_eq(a->ref_marked_up, b->ref_marked_up);
}

/* A store with one meta mark, completed. */
static void write_marked(const char *mark)
{
	bg_store *s;
	bg_diag d = {0};

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_set_meta(s, "mark", mark), BG_OK);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);
}

static char *read_mark(void)
{
	bg_store *s;
	bg_diag d = {0};
	char *m;

	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	m = bg_store_meta(s, "mark");
	bg_store_close(s);
	return m;
}

/* A document's measures, both parts, as a corpus run stores them. */
static bg_status add_measures(bg_store *s, int64_t reg, const bg_cx_doc *cx)
{
	bg_status rc = bg_store_add_provision_measures(s, reg, cx);

	return rc == BG_OK ? bg_store_add_regulation_measures(s, reg, cx) : rc;
}

START_TEST(schema_created)
{
	static const char *const tables[] = {
		"meta", "regulations", "provisions", "provision_rows", "refs",
		"definitions", "components", "provision_measures",
		"regulation_measures", "regulation_ranks", "measure_dist",
		"candidates",
	};
	bg_store *s;
	bg_diag d = {0};
	char *v;

	write_marked("x");
	ck_assert(exists(dbpath));
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		sqlite3_stmt *st;
		ck_assert_int_eq(sqlite3_prepare_v2(bg_store_db(s),
			"SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
			-1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_msg(sqlite3_column_int(st, 0) == 1, "table %s missing", tables[i]);
		sqlite3_finalize(st);
	}
	v = bg_store_meta(s, "schema_version");
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strtol(v, NULL, 10), BG_STORE_SCHEMA_VERSION);
	free(v);
	ck_assert_ptr_null(bg_store_meta(s, "no such key"));
	bg_store_close(s);
	/* nothing but the store itself is left */
	ck_assert_int_eq(count_prefixed("index.sqlite.tmp"), 0);
}
END_TEST

START_TEST(hostile_round_trip)
{
	bg_store *s;
	bg_diag d = {0};
	bg_store_rows r;
	bg_def defs[NHOSTILE];
	int64_t rid;

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	for (size_t i = 0; i < NHOSTILE; i++) {
		char bwb[16];
		bg_doc *doc;
		const char *ids[2] = { hostile[i], "BWBR0000001" };
		bg_store_candidate c = { hostile[i], 0.5, ids, 2, ids, 1, hostile[i], hostile[i] };

		snprintf(bwb, sizeof bwb, "BWBR%07zu", i + 1);
		doc = make_doc(bwb, hostile[i], hostile[i], NULL);
		ck_assert_int_eq(bg_store_add_doc(s, doc, &rid), BG_OK);
		ck_assert_int_eq(rid, (int64_t)i + 1);
		bg_doc_free(doc);
		ck_assert_int_eq(bg_store_set_meta(s, hostile[i], hostile[i]), BG_OK);
		defs[i] = make_def(hostile[i], "partner", hostile[i]);
		if (i)
			defs[i].root = &defs[0];
		ck_assert_int_eq(bg_store_add_def(s, (int64_t)i + 1, &defs[i],
						  i ? 1 : 0, rid, NULL), BG_OK);
		ck_assert_int_eq(bg_store_add_candidate(s, &c), BG_OK);
	}
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);

	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	/* nothing was executed: every table is there with every row */
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM provisions"), 6 * NHOSTILE);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM definitions"), NHOSTILE);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM candidates"), NHOSTILE);
	for (size_t i = 0; i < NHOSTILE; i++) {
		char bwb[16], *m;

		snprintf(bwb, sizeof bwb, "BWBR%07zu", i + 1);
		ck_assert_int_eq(bg_store_regulation(s, bwb, &r), BG_OK);
		ck_assert_uint_eq(r.n, 1);
		ck_assert_str_eq(r.regs[0].title, hostile[i]);
		ck_assert_str_eq(r.regs[0].date, "2025-01-01");
		rid = r.regs[0].id;
		bg_store_rows_release(&r);

		ck_assert_int_eq(bg_store_provisions(s, rid, NULL, &r), BG_OK);
		ck_assert_uint_eq(r.n, 6);
		ck_assert_str_eq(r.provs[0].kind, "artikel");
		ck_assert_str_eq(r.provs[0].heading, hostile[i]);
		ck_assert_str_eq(r.provs[0].text, "");   /* its text is in its leden */
		ck_assert_str_eq(r.provs[1].kind, "lid");
		ck_assert_str_eq(r.provs[1].text, hostile[i]);
		ck_assert_int_eq(r.provs[1].parent_id, r.provs[0].id);
		ck_assert_str_eq(r.provs[1].parent_address, r.provs[0].address);
		bg_store_rows_release(&r);

		m = bg_store_meta(s, hostile[i]);
		ck_assert_ptr_nonnull(m);
		ck_assert_str_eq(m, hostile[i]);
		free(m);

		ck_assert_int_eq(bg_store_defs_by_term_key(s, hostile[i], &r), BG_OK);
		ck_assert_uint_eq(r.n, 1);
		assert_def_eq(&r.defs[0], &defs[i]);
		ck_assert_int_eq(r.ids[0], (int64_t)i + 1);
		if (i) {
			ck_assert_ptr_nonnull(r.defs[0].root);
			assert_def_eq(r.defs[0].root, &defs[0]);
		} else {
			ck_assert_ptr_null(r.defs[0].root);
		}
		bg_store_rows_release(&r);
	}
	ck_assert_int_eq(bg_store_defs_by_concept(s, "partner", &r), BG_OK);
	ck_assert_uint_eq(r.n, NHOSTILE);
	bg_store_rows_release(&r);
	ck_assert_int_eq(bg_store_defs_by_concept(s, "'; --", &r), BG_OK);
	ck_assert_uint_eq(r.n, 0);
	bg_store_rows_release(&r);
	/* candidate lists are JSON arrays that SQLite's json1 reads back */
	{
		sqlite3_stmt *st;
		ck_assert_int_eq(sqlite3_prepare_v2(bg_store_db(s),
			"SELECT json_extract(bwb_ids, '$[0]'), rationale FROM candidates ORDER BY id",
			-1, &st, NULL), SQLITE_OK);
		for (size_t i = 0; i < NHOSTILE; i++) {
			ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
			ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), hostile[i]);
			ck_assert_str_eq((const char *)sqlite3_column_text(st, 1), hostile[i]);
		}
		sqlite3_finalize(st);
	}
	bg_store_close(s);
}
END_TEST

START_TEST(references_resolved)
{
	bg_store *s;
	bg_diag d = {0};
	bg_doc *doc;
	sqlite3_stmt *st;
	static const struct { const char *bwb, *target; int resolved, repealed; } cases[] = {
		{ "BWBR0000001", "1.0:v:BWBR0000009&artikel=1", 1, 0 },
		{ "BWBR0000002", "1.0:v:BWBR0000009&artikel=2", 1, 1 },      /* vervallen */
		{ "BWBR0000003", "1.0:v:BWBR0000009&artikel=7", 0, -1 },     /* no such artikel */
		{ "BWBR0000004", "1.0:v:BWBR0000009&artikel=1&lid=2", 1, 0 },
		{ "BWBR0000005", "1.0:v:BWBR0000009&artikel=1&lid=3", 0, -1 },
		{ "BWBR0000006", "1.0:v:BWBR0000099&artikel=1", 0, -1 },     /* not in corpus */
		{ "BWBR0000007", "1.0:v:BWBR0000009", 1, -1 },               /* whole law */
		{ "BWBR0000008", "jci1.3:c:BWBR0000009&artikel=D_2", 1, 0 },  /* encoded */
		{ "BWBR0000010", "1.0:v:BWBR0000009&artikel=D%202", 1, 0 },
		{ "BWBR0000011", "1.0:v:BWBR0000009&artikel=D+2", 1, 0 },
	};
	size_t n = sizeof cases / sizeof *cases;

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	for (size_t i = 0; i < n; i++) {
		doc = make_doc(cases[i].bwb, "t", "zie artikel", cases[i].target);
		ck_assert_int_eq(bg_store_add_doc(s, doc, NULL), BG_OK);
		bg_doc_free(doc);
	}
	doc = make_doc("BWBR0000009", "target", "tekst", NULL);
	ck_assert_int_eq(bg_store_add_doc(s, doc, NULL), BG_OK);
	bg_doc_free(doc);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);

	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(bg_store_db(s),
		"SELECT bwb_id, resolved, target_repealed, from_address, provision_id IS NOT NULL"
		" FROM refs ORDER BY id", -1, &st, NULL), SQLITE_OK);
	for (size_t i = 0; i < n; i++) {
		char from[64];
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), cases[i].bwb);
		ck_assert_msg(sqlite3_column_int(st, 1) == cases[i].resolved,
			      "%s: resolved", cases[i].target);
		if (cases[i].repealed < 0)
			ck_assert_int_eq(sqlite3_column_type(st, 2), SQLITE_NULL);
		else
			ck_assert_msg(sqlite3_column_int(st, 2) == cases[i].repealed,
				      "%s: repealed", cases[i].target);
		snprintf(from, sizeof from, "%s/artikel=1/lid=1", cases[i].bwb);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 3), from);
		ck_assert_int_eq(sqlite3_column_int(st, 4), 1);
	}
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	ck_assert_int_eq(query_int(s, "SELECT repealed FROM provisions WHERE address = 'BWBR0000009/artikel=2'"), 1);
	bg_store_close(s);
}
END_TEST

/* bg_store_complete() ahead of the finish (as the report does on its
 * store thread): the references are resolved and the indexes there before
 * the commit; candidates and meta rows may follow, documents and
 * definitions may not; the finish then only commits. */
START_TEST(complete_before_finish)
{
	bg_store *s;
	bg_diag d = {0};
	bg_doc *a = make_doc("BWBR0000001", "t", "zie artikel", "1.0:v:BWBR0000002&artikel=1");
	bg_doc *b = make_doc("BWBR0000002", "target", "tekst", NULL);
	static const char *const ids[1] = { "BWBR0000001" };
	bg_store_candidate c = { "unused-term", 0.5, ids, 1, ids, 1, "e", "r" };

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, a, NULL), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, b, NULL), BG_OK);
	ck_assert_int_eq(bg_store_complete(s), BG_OK);
	ck_assert_int_eq(bg_store_complete(s), BG_OK);   /* once is enough */
	ck_assert_int_eq(query_int(s, "SELECT resolved FROM refs WHERE id = 1"), 1);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM sqlite_master"
				      " WHERE type = 'index' AND name = 'provisions_addr'"), 1);
	ck_assert_int_eq(bg_store_add_candidate(s, &c), BG_OK);
	ck_assert_int_eq(bg_store_set_meta(s, "files", "2"), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, a, NULL), BG_ERR_IO);
	ck_assert_ptr_nonnull(strstr(bg_store_error(s), "after the store was completed"));
	bg_doc_free(a);
	bg_doc_free(b);
	/* the refused document leaves its error: the finish fails, the temp
	 * file goes */
	ck_assert_int_eq(bg_store_finish(s, &d), BG_ERR_IO);
	bg_diag_clear(&d);
	ck_assert_int_eq(count_prefixed("index.sqlite"), 0);
}
END_TEST

/* The same without the refused document: the finish commits what
 * bg_store_complete() left, and the file reads back. */
START_TEST(complete_then_finish)
{
	bg_store *s;
	bg_diag d = {0};
	bg_doc *a = make_doc("BWBR0000001", "t", "zie artikel", "1.0:v:BWBR0000002&artikel=1");

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, a, NULL), BG_OK);
	bg_doc_free(a);
	ck_assert_int_eq(bg_store_complete(s), BG_OK);
	ck_assert_int_eq(bg_store_set_meta(s, "files", "1"), BG_OK);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(query_int(s, "SELECT resolved FROM refs WHERE id = 1"), 0);
	ck_assert_int_eq(query_int(s, "SELECT latest FROM regulations WHERE id = 1"), 1);
	ck_assert_int_eq(query_int(s, "SELECT value FROM meta WHERE key = 'files'"), 1);
	bg_store_close(s);
}
END_TEST

/* Rows handed in out of order (and a file that gives none) go in in file
 * order: regulation ids follow the files, not the hand-ins. */
START_TEST(order_inserts_in_file_order)
{
	bg_store *s;
	bg_diag d = {0};
	bg_store_order *o;
	static const char *const ids[4] = { "BWBR0000001", "BWBR0000002", "BWBR0000003",
					    "BWBR0000004" };
	static const size_t hand_in[4] = { 3, 1, 2, 0 };
	const int64_t *reg;

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_ptr_nonnull(o = bg_store_order_new(s, 4));
	for (size_t k = 0; k < 4; k++) {
		size_t i = hand_in[k];
		bg_doc *doc;
		if (i == 2) {
			bg_store_order_put(o, i, NULL);   /* did not parse */
			continue;
		}
		doc = make_doc(ids[i], "t", "x", NULL);
		bg_store_order_put(o, i, bg_store_doc_rows(doc));
		bg_doc_free(doc);
	}
	ck_assert_int_eq(bg_store_order_finish(o), BG_OK);
	reg = bg_store_order_reg_ids(o);
	ck_assert_int_eq(reg[0], 1);
	ck_assert_int_eq(reg[1], 2);
	ck_assert_int_eq(reg[2], 0);
	ck_assert_int_eq(reg[3], 3);
	bg_store_order_free(o);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);
}
END_TEST

START_TEST(provisions_by_address)
{
	bg_store *s;
	bg_diag d = {0};
	bg_store_rows r;
	bg_doc *doc = make_doc("BWBR0000001", "t", "x", NULL);

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, doc, NULL), BG_OK);
	bg_doc_free(doc);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	/* artikel 1 and its two leden; not artikel 10, whose address starts
	 * with the same characters */
	ck_assert_int_eq(bg_store_provisions(s, 1, "BWBR0000001/artikel=1", &r), BG_OK);
	ck_assert_uint_eq(r.n, 3);
	ck_assert_str_eq(r.provs[0].address, "BWBR0000001/artikel=1");
	ck_assert_str_eq(r.provs[2].address, "BWBR0000001/artikel=1/lid=2");
	ck_assert_str_eq(r.provs[2].artikel, "1");
	ck_assert_str_eq(r.provs[2].text, "Tweede lid.");
	bg_store_rows_release(&r);
	ck_assert_int_eq(bg_store_provisions(s, 1, "BWBR0000001/artikel=10", &r), BG_OK);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.provs[0].link, "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=10&g=2025-01-01");
	bg_store_rows_release(&r);
	ck_assert_int_eq(bg_store_provisions(s, 1, "BWBR0000001/artikel=3", &r), BG_OK);
	ck_assert_uint_eq(r.n, 0);
	bg_store_rows_release(&r);
	ck_assert_int_eq(bg_store_regulation(s, "BWBR0000002", &r), BG_OK);
	ck_assert_uint_eq(r.n, 0);
	bg_store_rows_release(&r);
	bg_store_close(s);
}
END_TEST

/* The provisions view gives back what bg_store_add_doc was given: the
 * parent's address (a provision's, or the container's), the law's id and
 * file, and the link of bg_node_link(), whether derived (the usual case) or
 * kept because it is not the usual one (a list item inside a list item). */
START_TEST(provisions_view)
{
	bg_store *s;
	bg_diag d = {0};
	bg_store_rows r;
	bg_doc *doc;
	bg_node *h, *a, *l, *li, *lst, *nodes[5];
	bg_buf link = BG_BUF_INIT;

	doc = bg_doc_new("corpus/BWBR0000001_2025-01-01.xml", BG_DIALECT_WETGEVING);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(bg_doc_set_meta(doc, "BWBR0000001", "wet", "t", "2025-01-01"), BG_OK);
	ck_assert_ptr_nonnull(h = bg_doc_add_node(doc, NULL, BG_N_HOOFDSTUK, "1", NULL, NULL, 5));
	ck_assert_ptr_nonnull(nodes[0] = a = bg_doc_add_node(doc, h, BG_N_ARTIKEL, "1", NULL, NULL, 10));
	ck_assert_ptr_nonnull(nodes[1] = l = bg_doc_add_node(doc, a, BG_N_LID, "2", NULL, NULL, 11));
	ck_assert_ptr_nonnull(lst = bg_doc_add_node(doc, l, BG_N_LIJST, NULL, NULL, NULL, 12));
	ck_assert_ptr_nonnull(nodes[2] = li = bg_doc_add_node(doc, lst, BG_N_LI, "a", NULL, NULL, 13));
	ck_assert_ptr_nonnull(bg_doc_add_node(doc, li, BG_N_AL, NULL, NULL, "onderdeel a", 14));
	ck_assert_ptr_nonnull(lst = bg_doc_add_node(doc, li, BG_N_LIJST, NULL, NULL, NULL, 15));
	ck_assert_ptr_nonnull(nodes[3] = bg_doc_add_node(doc, lst, BG_N_LI, "1", NULL, NULL, 16));
	ck_assert_ptr_nonnull(nodes[4] = bg_doc_add_node(doc, NULL, BG_N_ARTIKEL, "2", NULL, NULL, 20));
	ck_assert_int_eq(bg_doc_finish(doc), BG_OK);

	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, doc, NULL), BG_OK);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_provisions(s, 1, NULL, &r), BG_OK);
	ck_assert_uint_eq(r.n, 5);
	for (size_t i = 0; i < 5; i++) {
		const bg_node *pp = bg_node_provision(nodes[i]->parent ? nodes[i]->parent : nodes[i]);

		bg_buf_clear(&link);
		bg_node_link(doc, nodes[i], &link);
		ck_assert(bg_buf_ok(&link));
		ck_assert_str_eq(r.provs[i].address, nodes[i]->address);
		ck_assert_str_eq(r.provs[i].link, link.s);
		ck_assert_str_eq(r.provs[i].bwb_id, "BWBR0000001");
		ck_assert_str_eq(r.provs[i].parent_address,
				 pp && pp != nodes[i] ? pp->address
				 : nodes[i]->parent ? nodes[i]->parent->address : "");
	}
	ck_assert_str_eq(r.provs[0].parent_address, h->address);
	ck_assert_str_eq(r.provs[3].link,
			 "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=1&lid=2&g=2025-01-01");
	bg_store_rows_release(&r);
	/* only the nested item keeps its own link */
	ck_assert_int_eq(query_int(s, "SELECT count(link_other) FROM provision_rows"), 1);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM provisions WHERE file = "
				   "'corpus/BWBR0000001_2025-01-01.xml'"), 5);
	bg_store_close(s);
	bg_buf_release(&link);
	bg_doc_free(doc);
}
END_TEST

START_TEST(measures_distribution)
{
	bg_store *s;
	bg_diag d = {0};
	bg_doc *doc = make_doc("BWBR0000001", "t", "x", NULL);
	bg_cx_prov provs[4];
	bg_cx_doc cx;
	double *v;
	size_t n;

	memset(&cx, 0, sizeof cx);
	memset(provs, 0, sizeof provs);
	for (int i = 0; i < 4; i++) {
		provs[i].kind = i == 3 ? BG_CX_LID : BG_CX_ARTIKEL;
		provs[i].address = i == 3 ? "BWBR0000001/artikel=1/lid=1" : "BWBR0000001/artikel=1";
		provs[i].label = provs[i].term = "";
		provs[i].stacking = 3.0 - i;
		provs[i].c.conditions = (uint32_t)i;
	}
	cx.provs = provs;
	cx.nprov = 4;
	cx.rank = 0;
	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, doc, NULL), BG_OK);
	bg_doc_free(doc);
	ck_assert_int_eq(add_measures(s, 1, &cx), BG_OK);
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);

	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_measure_values(s, "stacking", "artikel", &v, &n), BG_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert(v[0] == 1.0 && v[1] == 2.0 && v[2] == 3.0);
	ck_assert(bg_store_percentile(v, n, 2.0) > 0.66 && bg_store_percentile(v, n, 2.0) < 0.67);
	ck_assert(bg_store_percentile(v, n, 0.5) == 0.0);
	ck_assert(bg_store_percentile(v, n, 9.0) == 1.0);
	free(v);
	ck_assert_int_eq(bg_store_measure_values(s, "conditions", NULL, &v, &n), BG_OK);
	ck_assert_uint_eq(n, 4);
	free(v);
	ck_assert_int_eq(bg_store_measure_values(s, "stacking FROM meta; --", NULL, &v, &n),
			 BG_ERR_USAGE);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM provision_measures WHERE provision_id IS NULL"), 0);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM regulation_measures WHERE rank IS NULL"), 1);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM regulation_ranks"), 6);
	bg_store_close(s);
}
END_TEST

/* A document of one artikel, version `date` of law bwb. */
static bg_doc *version_doc(const char *bwb, const char *date)
{
	char path[64];
	bg_doc *d;
	bg_node *a;

	snprintf(path, sizeof path, "corpus/%s_%s.xml", bwb, date);
	ck_assert_ptr_nonnull(d = bg_doc_new(path, BG_DIALECT_WETGEVING));
	ck_assert_int_eq(bg_doc_set_meta(d, bwb, "wet", "t", date), BG_OK);
	ck_assert_ptr_nonnull(a = bg_doc_add_node(d, NULL, BG_N_ARTIKEL, "1", NULL, NULL, 10));
	ck_assert_ptr_nonnull(bg_doc_add_node(d, a, BG_N_AL, NULL, NULL, "x", 11));
	ck_assert_int_eq(bg_doc_finish(d), BG_OK);
	return d;
}

/* measure_dist counts the values of the articles (not leden) of the
 * latest version of each law: what GROUP BY over provision_measures
 * joined with regulations.latest gives. */
START_TEST(measure_dist_latest_articles)
{
	static const struct { int64_t reg; bg_cx_kind kind; double stacking; uint32_t cond; } m[] = {
		{ 1, BG_CX_ARTIKEL, 5.0, 9 },   /* older version: not counted */
		{ 2, BG_CX_ARTIKEL, 1.0, 0 },
		{ 2, BG_CX_ARTIKEL, 1.0, 2 },
		{ 2, BG_CX_LID, 7.0, 7 },       /* a lid: not counted */
		{ 3, BG_CX_ARTIKEL, 2.5, 2 },
	};
	static const char *const measures[] = { "stacking", "conditions", "exceptions",
						"delegations" };
	bg_store *s;
	bg_diag d = {0};
	bg_doc *docs[3];
	char sql[512];

	docs[0] = version_doc("BWBR0000001", "2020-01-01");
	docs[1] = version_doc("BWBR0000001", "2025-01-01");
	docs[2] = version_doc("BWBR0000002", "2025-01-01");
	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(bg_store_add_doc(s, docs[i], NULL), BG_OK);
		bg_doc_free(docs[i]);
	}
	for (int64_t reg = 1; reg <= 3; reg++) {
		bg_cx_prov p[sizeof m / sizeof *m];
		bg_cx_doc cx;

		memset(p, 0, sizeof p);
		memset(&cx, 0, sizeof cx);
		cx.provs = p;
		for (size_t i = 0; i < sizeof m / sizeof *m; i++) {
			if (m[i].reg != reg)
				continue;
			p[cx.nprov].kind = m[i].kind;
			p[cx.nprov].address = p[cx.nprov].label = p[cx.nprov].term = "";
			p[cx.nprov].stacking = m[i].stacking;
			p[cx.nprov++].c.conditions = m[i].cond;
		}
		ck_assert_int_eq(add_measures(s, reg, &cx), BG_OK);
	}
	ck_assert_int_eq(bg_store_finish(s, &d), BG_OK);

	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(query_int(s, "SELECT n FROM measure_dist WHERE measure = 'stacking'"
				      " AND value = 1.0"), 2);
	ck_assert_int_eq(query_int(s, "SELECT n FROM measure_dist WHERE measure = 'conditions'"
				      " AND value = 2.0"), 2);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM measure_dist WHERE value IN (5, 7, 9)"), 0);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM measure_dist"), 2 + 2 + 1 + 1);
	ck_assert_int_eq(query_int(s, "SELECT count(*) FROM measure_dist WHERE typeof(value) <> 'real'"), 0);
	for (int i = 0; i < 4; i++) {
		/* the same rows as the SQL definition, both ways */
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM (SELECT '%s', m.%s, count(*) FROM provision_measures m"
			 " JOIN regulations r ON r.id = m.regulation_id WHERE r.latest = 1"
			 " AND m.kind = 'artikel' GROUP BY m.%s EXCEPT SELECT * FROM measure_dist)",
			 measures[i], measures[i], measures[i]);
		ck_assert_int_eq(query_int(s, sql), 0);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM (SELECT * FROM measure_dist WHERE measure = '%s'"
			 " EXCEPT SELECT '%s', m.%s, count(*) FROM provision_measures m"
			 " JOIN regulations r ON r.id = m.regulation_id WHERE r.latest = 1"
			 " AND m.kind = 'artikel' GROUP BY m.%s)",
			 measures[i], measures[i], measures[i], measures[i]);
		ck_assert_int_eq(query_int(s, sql), 0);
	}
	bg_store_close(s);
}
END_TEST

START_TEST(abort_keeps_old_file)
{
	bg_store *s;
	bg_diag d = {0};
	bg_doc *doc = make_doc("BWBR0000001", "t", "x", NULL);
	char *m;

	write_marked("first");
	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(bg_store_set_meta(s, "mark", "second"), BG_OK);
	ck_assert_int_eq(bg_store_add_doc(s, doc, NULL), BG_OK);
	bg_doc_free(doc);
	ck_assert_int_eq(count_prefixed("index.sqlite.tmp."), 1);
	bg_store_abort(s);
	ck_assert_int_eq(count_prefixed("index.sqlite.tmp."), 0);
	m = read_mark();
	ck_assert_str_eq(m, "first");
	free(m);
	/* and a completed second run does replace it */
	write_marked("third");
	m = read_mark();
	ck_assert_str_eq(m, "third");
	free(m);
}
END_TEST

START_TEST(crash_keeps_old_file)
{
	pid_t pid;
	int status;
	char *m;
	bg_store *s;
	bg_diag d = {0};

	write_marked("first");
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		bg_doc *doc = make_doc("BWBR0000001", "t", "x", NULL);
		if (bg_store_create(dbpath, &s, &d) != BG_OK ||
		    bg_store_add_doc(s, doc, NULL) != BG_OK)
			_exit(2);
		raise(SIGKILL);   /* dies mid-write, nothing cleaned up */
		_exit(3);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	m = read_mark();
	ck_assert_str_eq(m, "first");
	free(m);
	/* its temp file is left; the next writer removes it */
	ck_assert_int_eq(count_prefixed("index.sqlite.tmp."), 1);
	ck_assert_int_eq(bg_store_create(dbpath, &s, &d), BG_OK);
	ck_assert_int_eq(count_prefixed("index.sqlite.tmp."), 1);  /* only its own */
	bg_store_abort(s);
	ck_assert_int_eq(count_prefixed("index.sqlite.tmp."), 0);
}
END_TEST

START_TEST(foreign_files_refused)
{
	bg_store *s;
	bg_diag d = {0};
	sqlite3 *db;
	FILE *f;
	char sql[128];

	/* a begrip store of another schema version */
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d;"
		 " CREATE TABLE meta (key, value);",
		 BG_STORE_APPLICATION_ID, BG_STORE_SCHEMA_VERSION + 1);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_ERR_FORMAT);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.message, "schema version"));
	bg_diag_clear(&d);
	unlink(dbpath);

	/* an SQLite file of someone else */
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(d.message, "not a begrip index"));
	bg_diag_clear(&d);
	unlink(dbpath);

	/* not SQLite at all */
	f = fopen(dbpath, "w");
	ck_assert_ptr_nonnull(f);
	fputs("<wetgeving/> this is no database, but long enough to look like one........"
	      "...............................................................\n", f);
	fclose(f);
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(d.message, "not a begrip index"));
	bg_diag_clear(&d);
	unlink(dbpath);

	/* missing */
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_ERR_IO);
	bg_diag_clear(&d);

	/* and the right version opens */
	write_marked("ok");
	ck_assert_int_eq(bg_store_open(dbpath, &s, &d), BG_OK);
	bg_store_close(s);
}
END_TEST

START_TEST(file_hash)
{
	char h[17], p[160];
	FILE *f;

	/* FNV-1a 64 test vectors: "" and "a" */
	snprintf(p, sizeof p, "%s/lexicon.txt", dir);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert(bg_store_file_hash(p, h));
	ck_assert_str_eq(h, "cbf29ce484222325");
	f = fopen(p, "w");
	fputc('a', f);
	fclose(f);
	ck_assert(bg_store_file_hash(p, h));
	ck_assert_str_eq(h, "af63dc4c8601ec8c");
	unlink(p);
	ck_assert(!bg_store_file_hash(p, h));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, schema_created);
	tcase_add_test(tc, hostile_round_trip);
	tcase_add_test(tc, references_resolved);
	tcase_add_test(tc, provisions_by_address);
	tcase_add_test(tc, provisions_view);
	tcase_add_test(tc, measures_distribution);
	tcase_add_test(tc, measure_dist_latest_articles);
	tcase_add_test(tc, abort_keeps_old_file);
	tcase_add_test(tc, crash_keeps_old_file);
	tcase_add_test(tc, foreign_files_refused);
	tcase_add_test(tc, file_hash);
	tcase_add_test(tc, order_inserts_in_file_order);
	tcase_add_test(tc, complete_before_finish);
	tcase_add_test(tc, complete_then_finish);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
