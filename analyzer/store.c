/*
 * store.c -- the SQLite store (store.h): schema, atomic bulk writing and
 * the lookups `begrip check` needs.
 *
 * Why SQLite: one file, readable with the sqlite3 shell and any language,
 * indexed lookups by concept, term key and address without reading the
 * corpus again.  Why a temp file and rename: the index is rebuilt as a
 * whole; writing it in place would leave a half-written index behind when
 * a run is interrupted, and readers could see a mix.  With the temp file
 * the journal is useless (the file is thrown away on failure), so it runs
 * with journal_mode=OFF and synchronous=OFF and is fsynced once at the end.
 *
 * Every value goes through sqlite3_bind_*(): no text of a law is ever
 * part of an SQL statement.  The only SQL assembled at run time is the
 * name of a measure column in bg_store_measure_values(), and that name is
 * first checked against the fixed list of columns below.
 */
#include "store.h"
#include "../reports/emit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

/* --------------------------------------------------------------- schema */

/* The counts of bg_cx_counts, one column each in both measure tables. */
#define CX_COUNTS(X) X(conditions) X(exceptions) X(delegations) X(items_and) \
	X(items_or) X(lists) X(refs_internal) X(refs_external) X(depth) \
	X(words) X(sentences) X(syllables) X(letter_words) X(and_or) \
	X(number_words)
#define CX_COL(f) "  " #f " INTEGER NOT NULL,\n"
#define CX_NAME(f) #f ", "
#define CX_PARAM(f) "?, "
#define CX_BIND(f) bind_i(st, &k, c->f);
#define CX_STR(f) #f,

/* The link of a provision as bg_node_link() writes it for the usual case:
 * law, artikel, the lid it is or sits directly in, date.  default_link()
 * is the same in C; a row whose real link differs keeps it in link_other. */
#define LINK_SQL "'https://wetten.overheid.nl/jci1.3:c:' || g.bwb_id" \
	" || CASE WHEN p.artikel <> '' THEN '&artikel=' || p.artikel || CASE" \
	"   WHEN p.kind = 'lid' AND p.nr <> '' THEN '&lid=' || p.nr" \
	"   WHEN p.kind <> 'lid' AND q.kind = 'lid' AND q.nr <> '' THEN '&lid=' || q.nr" \
	"   ELSE '' END ELSE '' END" \
	" || CASE WHEN g.date <> '' THEN '&g=' || g.date ELSE '' END"

static const char schema_sql[] =
	"CREATE TABLE meta (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE regulations (\n"
	"  id INTEGER PRIMARY KEY,\n"          /* 1.. in file order */
	"  bwb_id TEXT NOT NULL,\n"
	"  file TEXT NOT NULL UNIQUE,\n"
	"  title TEXT NOT NULL,\n"
	"  short_title TEXT NOT NULL,\n"
	"  intitule TEXT NOT NULL,\n"
	"  soort TEXT NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  dialect TEXT NOT NULL,\n"
	"  latest INTEGER NOT NULL DEFAULT 1\n" /* latest version of its bwb_id */
	");\n"
	/* provisions is a view: the table holds what only the row knows; the
	 * law's id and file, the parent's address and the usual link are
	 * joined or derived (a third of the bytes of the old table) */
	"CREATE TABLE provision_rows (\n"
	"  id INTEGER PRIMARY KEY,\n"          /* document order */
	"  regulation_id INTEGER NOT NULL REFERENCES regulations(id),\n"
	"  address TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"              /* artikel, lid, li, definitie-item */
	"  nr TEXT NOT NULL,\n"
	"  artikel TEXT NOT NULL,\n"           /* nr of the enclosing artikel */
	"  parent_id INTEGER REFERENCES provision_rows(id),\n"
	"  container TEXT,\n"                  /* parent_address when no parent_id */
	"  heading TEXT NOT NULL,\n"
	"  text TEXT NOT NULL,\n"              /* own text, not the sub-provisions' */
	"  line INTEGER NOT NULL,\n"
	"  repealed INTEGER NOT NULL,\n"       /* it or an ancestor is vervallen */
	"  link_other TEXT\n"                  /* NULL: the link is LINK_SQL */
	");\n"
	"CREATE VIEW provisions AS SELECT p.id, p.regulation_id, g.bwb_id, g.file,\n"
	"  p.address, p.kind, p.nr, p.artikel, p.parent_id,\n"
	"  coalesce(q.address, p.container, '') AS parent_address, p.heading,\n"
	"  p.text, p.line, p.repealed, coalesce(p.link_other, " LINK_SQL ") AS link\n"
	"  FROM provision_rows p JOIN regulations g ON g.id = p.regulation_id\n"
	"  LEFT JOIN provision_rows q ON q.id = p.parent_id;\n"
	"CREATE TABLE refs (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  regulation_id INTEGER NOT NULL REFERENCES regulations(id),\n"
	"  bwb_id TEXT NOT NULL,\n"
	"  provision_id INTEGER REFERENCES provision_rows(id),\n"
	"  from_address TEXT NOT NULL,\n"
	"  external INTEGER NOT NULL,\n"
	"  target TEXT NOT NULL,\n"            /* raw doc attribute */
	"  target_bwb_id TEXT NOT NULL,\n"
	"  target_artikel TEXT NOT NULL,\n"    /* decoded: "4:2", "D 2" */
	"  target_lid TEXT NOT NULL,\n"
	"  anchor TEXT NOT NULL,\n"
	"  line INTEGER NOT NULL,\n"
	"  resolved INTEGER,\n"                /* NULL: no BWB target */
	"  target_repealed INTEGER\n"          /* NULL: unresolved or no artikel */
	");\n"
	"CREATE TABLE definitions (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  regulation_id INTEGER REFERENCES regulations(id),\n"
	"  provision_id INTEGER REFERENCES provision_rows(id),\n"
	"  file TEXT NOT NULL,\n"
	"  bwb_id TEXT NOT NULL,\n"
	"  law_title TEXT NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  article TEXT NOT NULL,\n"
	"  lid TEXT NOT NULL,\n"
	"  item TEXT NOT NULL,\n"
	"  term TEXT NOT NULL,\n"
	"  term_key TEXT NOT NULL,\n"
	"  concept TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  target_bwb_id TEXT NOT NULL,\n"
	"  target_article TEXT NOT NULL,\n"
	"  target_lid TEXT NOT NULL,\n"
	"  root_id INTEGER REFERENCES definitions(id),\n"
	"  root_bwb_id TEXT NOT NULL,\n"
	"  root_article TEXT NOT NULL,\n"
	"  root_lid TEXT NOT NULL,\n"
	"  root_term TEXT NOT NULL,\n"
	"  chain_status TEXT NOT NULL,\n"
	"  scope_kind TEXT NOT NULL,\n"
	"  scope_text TEXT NOT NULL,\n"
	"  scope_address TEXT NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  modification TEXT NOT NULL,\n"
	"  link TEXT NOT NULL,\n"
	"  address TEXT NOT NULL,\n"
	"  line INTEGER NOT NULL,\n"
	"  ref_text TEXT NOT NULL,\n"
	"  ref_marked_up INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE components (\n"
	"  definition_id INTEGER NOT NULL REFERENCES definitions(id),\n"
	"  seq INTEGER NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"              /* item, exclusion, condition, time, reference */
	"  conj TEXT NOT NULL,\n"              /* "", en, of */
	"  start INTEGER NOT NULL,\n"          /* byte span in definitions.text */
	"  length INTEGER NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  key TEXT NOT NULL,\n"
	"  PRIMARY KEY (definition_id, seq)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE provision_measures (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  regulation_id INTEGER NOT NULL REFERENCES regulations(id),\n"
	"  provision_id INTEGER REFERENCES provision_rows(id),\n"
	"  kind TEXT NOT NULL,\n"              /* artikel, lid, definition */
	"  leaf INTEGER NOT NULL,\n"
	"  address TEXT NOT NULL,\n"
	"  label TEXT NOT NULL,\n"
	"  term TEXT NOT NULL,\n"
	"  line INTEGER NOT NULL,\n"
	CX_COUNTS(CX_COL)
	"  stacking REAL NOT NULL\n"
	");\n"
	"CREATE TABLE regulation_measures (\n"
	"  regulation_id INTEGER PRIMARY KEY REFERENCES regulations(id),\n"
	"  above INTEGER NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  below INTEGER NOT NULL,\n"
	"  depth_mean REAL NOT NULL,\n"
	"  depth_sd REAL NOT NULL,\n"
	"  blocks INTEGER NOT NULL,\n"
	"  tokens_per_article REAL NOT NULL,\n"
	"  entropy REAL NOT NULL,\n"
	"  entropy_stemmed REAL NOT NULL,\n"
	"  vocabulary INTEGER NOT NULL,\n"
	"  vocabulary_stemmed INTEGER NOT NULL,\n"
	"  cit_out INTEGER NOT NULL,\n"
	"  cit_internal INTEGER NOT NULL,\n"
	"  cit_in INTEGER NOT NULL,\n"
	CX_COUNTS(CX_COL)
	"  stacking_total REAL NOT NULL,\n"
	"  stacking_max REAL NOT NULL,\n"
	"  flesch REAL NOT NULL,\n"
	"  long_elements INTEGER NOT NULL,\n"
	"  dup_grams INTEGER NOT NULL,\n"
	"  dup_ratio REAL NOT NULL,\n"
	"  composite REAL NOT NULL,\n"
	"  rank INTEGER\n"                     /* 1 = most complex; NULL: not ranked */
	");\n"
	"CREATE TABLE regulation_ranks (\n"
	"  regulation_id INTEGER NOT NULL REFERENCES regulations(id),\n"
	"  measure TEXT NOT NULL,\n"
	"  pct REAL NOT NULL,\n"               /* percentile rank 0..1 */
	"  PRIMARY KEY (regulation_id, measure)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE measure_dist (\n"       /* filled by bg_store_complete */
	"  measure TEXT NOT NULL,\n"           /* stacking, conditions, exceptions, delegations */
	"  value REAL NOT NULL,\n"
	"  n INTEGER NOT NULL,\n"              /* articles with this value */
	"  PRIMARY KEY (measure, value)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE candidates (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  kind TEXT NOT NULL,\n"
	"  score REAL NOT NULL,\n"
	"  bwb_ids TEXT NOT NULL,\n"           /* JSON array of strings */
	"  addresses TEXT NOT NULL,\n"         /* JSON array of strings */
	"  evidence TEXT NOT NULL,\n"
	"  rationale TEXT NOT NULL\n"
	");\n";

/* Indexes are created after the bulk of rows is in (faster than
 * maintaining them row by row), before the first lookup needs them --
 * except provisions_addr: provisions arrive in regulation order, so its
 * entries land at the right edge as the workers insert, where building
 * it at the end read the 47 MB of provision text back on the one thread
 * then left working (0.1 s; report 2.09-2.24 -> 2.05-2.16 s wall, six
 * alternated runs). */
static const char early_index_sql[] =
	"CREATE INDEX provisions_addr ON provision_rows(regulation_id, address);\n";

static const char index_sql[] =
	"CREATE INDEX regulations_bwb ON regulations(bwb_id);\n"
	"CREATE INDEX regulations_title ON regulations(title COLLATE NOCASE);\n"
	"CREATE INDEX regulations_short_title ON regulations(short_title COLLATE NOCASE);\n"
	"CREATE INDEX refs_reg ON refs(regulation_id);\n"
	"CREATE INDEX refs_target ON refs(target_bwb_id, target_artikel);\n"
	"CREATE INDEX definitions_concept ON definitions(concept);\n"
	"CREATE INDEX definitions_key ON definitions(term_key);\n"
	"CREATE INDEX definitions_bwb ON definitions(bwb_id);\n"
	"CREATE INDEX provision_measures_reg ON provision_measures(regulation_id);\n";

/* Numeric columns of provision_measures that bg_store_measure_values()
 * accepts: the only identifiers ever put into SQL text at run time. */
static const char *const measure_cols[] = {
	CX_COUNTS(CX_STR) "stacking", "line",
};

enum {
	ST_META, ST_REG, ST_PROV, ST_REF, ST_DEF, ST_COMP, ST_PMEAS, ST_RMEAS,
	ST_RANK, ST_CAND, ST_DIST,
	ST_PROV_B, ST_REF_B, ST_PMEAS_B,   /* BATCH rows each (batch_of) */
	ST__COUNT
};

/*
 * The tables with a row per provision or reference take their rows BATCH
 * at a time, in one INSERT with as many value lists, and the rest one by
 * one: a statement costs a good part of a small row's insert to open,
 * halt and reset (with a statement per row, sqlite3VdbeHalt alone took
 * 521 M of the 4.3 G instructions the rows cost on the corpus).
 */
#define BATCH 16

static const struct { int batch, single; } batch_of[] = {
	{ ST_PROV_B, ST_PROV }, { ST_REF_B, ST_REF }, { ST_PMEAS_B, ST_PMEAS },
};

static const char *const stmt_sql[ST__COUNT] = {
	[ST_META] = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
	[ST_REG] = "INSERT INTO regulations (id, bwb_id, file, title, short_title,"
		" intitule, soort, date, dialect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_PROV] = "INSERT INTO provision_rows (id, regulation_id, address, kind, nr,"
		" artikel, parent_id, container, heading, text, line, repealed,"
		" link_other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_REF] = "INSERT INTO refs (regulation_id, bwb_id, provision_id, from_address,"
		" external, target, target_bwb_id, target_artikel, target_lid, anchor,"
		" line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_DEF] = "INSERT INTO definitions (id, regulation_id, provision_id, file,"
		" bwb_id, law_title, date, article, lid, item, term, term_key, concept,"
		" kind, target_bwb_id, target_article, target_lid, root_id, root_bwb_id,"
		" root_article, root_lid, root_term, chain_status, scope_kind,"
		" scope_text, scope_address, text, modification, link, address, line,"
		" ref_text, ref_marked_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COMP] = "INSERT INTO components (definition_id, seq, kind, conj, start,"
		" length, text, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_PMEAS] = "INSERT INTO provision_measures (regulation_id, provision_id,"
		" kind, leaf, address, label, term, line, " CX_COUNTS(CX_NAME)
		"stacking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " CX_COUNTS(CX_PARAM) "?)",
	[ST_RMEAS] = "INSERT INTO regulation_measures (regulation_id, above, at, below,"
		" depth_mean, depth_sd, blocks, tokens_per_article, entropy,"
		" entropy_stemmed, vocabulary, vocabulary_stemmed, cit_out,"
		" cit_internal, cit_in, " CX_COUNTS(CX_NAME) "stacking_total,"
		" stacking_max, flesch, long_elements, dup_grams, dup_ratio,"
		" composite, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		" ?, " CX_COUNTS(CX_PARAM) "?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_RANK] = "INSERT OR REPLACE INTO regulation_ranks (regulation_id, measure,"
		" pct) VALUES (?, ?, ?)",
	[ST_DIST] = "INSERT INTO measure_dist (measure, value, n) VALUES (?, ?, ?)",
	[ST_CAND] = "INSERT INTO candidates (kind, score, bwb_ids, addresses,"
		" evidence, rationale) VALUES (?, ?, ?, ?, ?, ?)",
};

/* The statement for rows i.. of n: `batch` while BATCH or more are left;
 * *end: the row after its last. */
static int batch_start(size_t i, size_t n, int batch, int single, size_t *end)
{
	int which = n - i >= BATCH ? batch : single;

	*end = i + (which == batch ? BATCH : 1);
	return which;
}

/* The SQL of batch statement i: its single one's with BATCH value lists
 * (NULL when out of memory; the caller frees it). */
static char *batch_sql(int i)
{
	const char *one = NULL, *values;
	bg_buf b = BG_BUF_INIT;

	for (size_t j = 0; j < sizeof batch_of / sizeof *batch_of; j++)
		if (batch_of[j].batch == i)
			one = stmt_sql[batch_of[j].single];
	if (!one || !(values = strstr(one, " VALUES (")))
		return NULL;
	values += strlen(" VALUES ");
	bg_buf_add(&b, one, (size_t)(values - one));
	for (int r = 0; r < BATCH; r++) {
		if (r)
			bg_buf_adds(&b, ", ");
		bg_buf_adds(&b, values);
	}
	if (!bg_buf_ok(&b)) {
		bg_buf_release(&b);
		return NULL;
	}
	return b.s;
}

/* After all rows are in: which version is the latest of its BWB id, and
 * whether each reference's target is in the store (in any version) and
 * repealed (in every version that has it): resolved is NULL without a BWB
 * target, else whether the law (no artikel), the artikel (no lid) or the
 * lid of that artikel exists; target_repealed is NULL unless resolved is 1
 * and there is an artikel, else whether no such provision is in force. */
static const char finish_sql[] =
	"UPDATE regulations SET latest = NOT EXISTS (SELECT 1 FROM regulations r2"
	"  WHERE r2.bwb_id = regulations.bwb_id AND (r2.date > regulations.date"
	"  OR (r2.date = regulations.date AND r2.id > regulations.id)));\n"
	/* one pass over refs; the functions answer from the targets kept in
	 * memory while the provisions went in (target_state), where two
	 * correlated subqueries per reference needed an index on provisions
	 * that nothing else uses */
	"UPDATE refs SET resolved = bg_ref_resolved(target_bwb_id, target_artikel,"
	"  target_lid), target_repealed = bg_ref_repealed(target_bwb_id,"
	"  target_artikel, target_lid);\n";

/* measure_dist: the corpus distributions `begrip check` ranks a draft's
 * articles in, a few hundred distinct values instead of a scan of every
 * measured provision on each check.  Per measure, every value of the
 * articles (provision_measures.kind 'artikel') of the latest version of
 * each regulation, with its count.  The values are kept as
 * bg_store_add_provision_measures stores them (struct distrow): four GROUP BY scans
 * of provision_measures took a sixth of the completion. */
static const char *const dist_measures[4] = {
	"stacking", "conditions", "exceptions", "delegations",
};

/*
 * String key -> id tables kept in memory while writing: the provision of
 * an address in a regulation (the first one, as the old SELECT ... ORDER
 * BY id LIMIT 1 gave), the regulation of a file, the reference targets
 * seen.  A lookup per measured provision and per definition was a SELECT
 * that needed the indexes during the bulk insert; with the ids at hand the
 * indexes are built once at the end.
 *
 * A table is a run of slots in a pool that many tables share (open
 * addressing, linear probing, at most half full): one table per
 * regulation for its addresses, one per law for its targets.  The keys
 * of a document thus sit together, and its inserts and the later lookups
 * of its measures touch a few cache lines, where one table for the whole
 * corpus (20 MB) cost a cache miss or two per key.
 */
struct kslot {
	const char *key;     /* in the pool's arena; NULL = empty slot */
	uint64_t h;
	int64_t id;
};

struct ktab {
	size_t off, size, n; /* slots [off, off + size) of the pool; n used */
};

struct kpool {
	struct kslot *v;
	size_t used, cap;
	bg_arena *arena;
};

struct bg_store {
	sqlite3 *db;
	bool writing;
	char *path, *tmp;
	sqlite3_stmt *st[ST__COUNT];
	int64_t next_reg, next_prov;
	bool completed;          /* bg_store_complete() ran */
	/* in pool ids: per regulation id the table of its addresses
	 * (provs[id], provs_cap of them, empty beyond the last regulation),
	 * and the table of files */
	struct kpool ids;
	struct ktab *provs, files;
	size_t provs_cap;
	/* reference targets seen: laws maps a BWB id to its index in
	 * targets[], whose table holds the law's targets by kind and name
	 * (target_key), id = T_EXISTS | T_LIVE */
	struct kpool tpool;
	struct ktab laws, *targets;
	size_t ntargets, targets_cap;
	bg_buf tkey;
	/* the dist_measures of every measured artikel, for measure_dist */
	struct distrow {
		int64_t reg;
		double v[4];
	} *dist;
	size_t ndist, dist_cap;
	char err[512];
};

/* ------------------------------------------------------------- helpers */

static bg_status fail(bg_store *s, const char *what)
{
	if (!s->err[0])
		snprintf(s->err, sizeof s->err, "%s: %s", what,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
	return BG_ERR_IO;
}

static void bind_t(sqlite3_stmt *st, int *k, const char *v)
{
	/* the strings outlive the step: no copy */
	sqlite3_bind_text(st, ++*k, v ? v : "", -1, SQLITE_STATIC);
}

static void bind_tn(sqlite3_stmt *st, int *k, const char *v, size_t n)
{
	sqlite3_bind_text64(st, ++*k, v ? v : "", v ? n : 0, SQLITE_STATIC, SQLITE_UTF8);
}

static void bind_i(sqlite3_stmt *st, int *k, int64_t v)
{
	sqlite3_bind_int64(st, ++*k, v);
}

static void bind_id(sqlite3_stmt *st, int *k, int64_t v)
{
	/* 0 means "none": NULL in the table */
	if (v > 0)
		sqlite3_bind_int64(st, ++*k, v);
	else
		sqlite3_bind_null(st, ++*k);
}

static void bind_d(sqlite3_stmt *st, int *k, double v)
{
	sqlite3_bind_double(st, ++*k, v);
}

/* BG_ERR_IO once the store is completed: rows of the tables that
 * bg_store_complete() derives from would make them wrong. */
static bg_status not_completed(bg_store *s, const char *what)
{
	if (!s->completed)
		return BG_OK;
	if (!s->err[0])
		snprintf(s->err, sizeof s->err, "%s after the store was completed", what);
	return BG_ERR_IO;
}

/* Runs a bound INSERT/UPDATE whose first k parameters were bound, and
 * resets it.  Every call binds every parameter, so the bindings are not
 * cleared (a few hundred instructions a row); a statement bound short
 * fails here instead of reading the previous row's (static) values. */
static bg_status run(bg_store *s, int which, int k, const char *what)
{
	sqlite3_stmt *st = s->st[which];
	int rc;

	if (k != sqlite3_bind_parameter_count(st)) {
		if (!s->err[0])
			snprintf(s->err, sizeof s->err, "%s: %d of %d values bound", what, k,
				 sqlite3_bind_parameter_count(st));
		return BG_ERR_IO;
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return fail(s, what);
	return BG_OK;
}

/* v (an array of `size`-byte elements, *cap of them) with room for
 * `need`, grown by doubling from `first`: the same or a new pointer, NULL
 * when out of memory (v is then unchanged). */
static void *room(void *v, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t nc = *cap ? *cap : first;

	if (need <= *cap)
		return v;
	while (nc < need)
		nc *= 2;
	if (!(v = realloc(v, nc * size)))
		return NULL;
	*cap = nc;
	return v;
}

/* The slot of k in t: where it is, else the empty slot where it goes. */
static struct kslot *ktab_slot(const struct kpool *p, const struct ktab *t,
			       const char *k, size_t n, uint64_t h)
{
	struct kslot *v = p->v + t->off;
	size_t mask = t->size - 1;

	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask)
		if (!v[i].key || (v[i].h == h && !strncmp(v[i].key, k, n) && !v[i].key[n]))
			return &v[i];
}

/* Makes room in t for `more` keys beyond its n: a new run of slots at the
 * end of the pool, the keys moved there (the old run is not reused).
 * False when out of memory. */
static bool ktab_reserve(struct kpool *p, struct ktab *t, size_t more)
{
	size_t size = t->size ? t->size : 8, off = p->used;
	struct kslot *nv, *old;

	if ((t->n + more) * 2 <= t->size)
		return true;
	while ((t->n + more) * 2 > size)
		size *= 2;
	if (!(nv = room(p->v, &p->cap, p->used + size, sizeof *nv, 4096)))
		return false;
	p->v = nv;
	memset(p->v + off, 0, size * sizeof *p->v);
	p->used += size;
	old = p->v + t->off;
	for (size_t i = 0, osize = t->size; i < osize; i++) {
		struct kslot *e;
		size_t j;

		if (!old[i].key)
			continue;
		/* the keys are distinct: the first empty slot is theirs */
		for (j = (size_t)old[i].h & (size - 1); p->v[off + j].key;
		     j = (j + 1) & (size - 1))
			;
		e = &p->v[off + j];
		*e = old[i];
	}
	t->off = off;
	t->size = size;
	return true;
}

/* The slot of k in t, added with id when absent (the first id wins).
 * NULL when out of memory. */
static struct kslot *ktab_put(struct kpool *p, struct ktab *t, const char *k,
			      size_t n, int64_t id)
{
	uint64_t h = bg_hash_bytes(k, n);
	struct kslot *e;

	if (!ktab_reserve(p, t, 1) || (!p->arena && !(p->arena = bg_arena_new())))
		return NULL;
	e = ktab_slot(p, t, k, n, h);
	if (e->key)
		return e;
	if (!(e->key = bg_arena_strndup(p->arena, k, n)))
		return NULL;
	e->h = h;
	e->id = id;
	t->n++;
	return e;
}

/* The slot of k in t, NULL when absent. */
static struct kslot *ktab_get(const struct kpool *p, const struct ktab *t,
			      const char *k, size_t n)
{
	struct kslot *e;

	if (!t->size)
		return NULL;
	e = ktab_slot(p, t, k, n, bg_hash_bytes(k, n));
	return e->key ? e : NULL;
}

static void kpool_release(struct kpool *p)
{
	free(p->v);
	bg_arena_free(p->arena);
	memset(p, 0, sizeof *p);
}

/* The id maps served the inserts; freed before the index build. */
static void ids_release(bg_store *s)
{
	kpool_release(&s->ids);
	free(s->provs);
	s->provs = NULL;
	s->provs_cap = 0;
	memset(&s->files, 0, sizeof s->files);
}

static void store_free(bg_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(s->st[i]);
	if (s->db)
		sqlite3_close(s->db);
	ids_release(s);
	kpool_release(&s->tpool);
	free(s->targets);
	bg_buf_release(&s->tkey);
	free(s->dist);
	free(s->path);
	free(s->tmp);
	free(s);
}

const char *bg_store_error(const bg_store *s)
{
	return s ? s->err : "";
}

const char *bg_store_temp_path(const bg_store *s)
{
	return s && s->writing ? s->tmp : NULL;
}

struct sqlite3 *bg_store_db(bg_store *s)
{
	return s->db;
}

bool bg_store_file_hash(const char *path, char out[17])
{
	FILE *f = fopen(path, "rb");
	uint64_t h = 0xcbf29ce484222325u;
	unsigned char buf[8192];
	size_t n;

	if (!f)
		return false;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		for (size_t i = 0; i < n; i++) {
			h ^= buf[i];
			h *= 0x100000001b3u;
		}
	fclose(f);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
	return true;
}

/* Removes "BASE.tmp.PID" files next to path whose process is gone: what
 * a killed run left behind. */
static void remove_stale_temps(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base);
	bg_buf dir = BG_BUF_INIT;
	DIR *d;
	struct dirent *e;

	if (slash)
		bg_buf_add(&dir, path, (size_t)(slash - path) + 1);
	else
		bg_buf_adds(&dir, "./");
	d = bg_buf_ok(&dir) ? opendir(dir.s) : NULL;
	while (d && (e = readdir(d))) {
		const char *p = e->d_name;
		char *end;
		long pid;

		if (strncmp(p, base, blen) || strncmp(p + blen, ".tmp.", 5))
			continue;
		p += blen + 5;
		if (*p < '0' || *p > '9')
			continue;
		errno = 0;
		pid = strtol(p, &end, 10);
		if (*end || errno || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;  /* still running (or not ours to judge) */
		{
			size_t dl = dir.len;
			bg_buf_adds(&dir, e->d_name);
			if (bg_buf_ok(&dir))
				unlink(dir.s);
			dir.len = dl;
			dir.s[dl] = '\0';
		}
	}
	if (d)
		closedir(d);
	bg_buf_release(&dir);
}

/* -------------------------------------------------------------- create */

bg_status bg_store_create(const char *path, bg_store **out, bg_diag *d)
{
	bg_store *s;
	bg_buf tmp = BG_BUF_INIT;
	char *emsg = NULL;
	char pragma[320];

	*out = NULL;
	s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		bg_diag_set(d, BG_ERR_NOMEM, path, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	s->writing = true;
	remove_stale_temps(path);
	bg_buf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	s->tmp = bg_buf_detach(&tmp);
	if (!s->tmp) {
		store_free(s);
		bg_diag_set(d, BG_ERR_NOMEM, path, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	unlink(s->tmp);
	if (sqlite3_open_v2(s->tmp, &s->db, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		bg_diag_set(d, BG_ERR_IO, s->tmp, 0, 0, "cannot create: %s",
			    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		unlink(s->tmp);
		store_free(s);
		return BG_ERR_IO;
	}
	/* page_size before anything is written: 16 KB pages take a quarter of
	 * the write calls of 4 KB ones (~6,000 instead of ~24,000 for the
	 * corpus) and a shallower tree; lookups of `begrip check` measured the
	 * same, and larger pages made the inserts dearer.  An 8 MB cache: the
	 * rows are appended in order, so a bigger cache only holds pages that
	 * are done with, and every fresh page of it is memory the kernel has
	 * to clear (64 MB measured 0.1-0.4 s more system time per report) */
	snprintf(pragma, sizeof pragma,
		 "PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
		 " PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-8192;"
		 " PRAGMA application_id=%d; PRAGMA user_version=%d;",
		 BG_STORE_APPLICATION_ID, BG_STORE_SCHEMA_VERSION);
	if (sqlite3_exec(s->db, pragma, NULL, NULL, &emsg) != SQLITE_OK ||
	    sqlite3_exec(s->db, "BEGIN", NULL, NULL, &emsg) != SQLITE_OK ||
	    sqlite3_exec(s->db, schema_sql, NULL, NULL, &emsg) != SQLITE_OK ||
	    sqlite3_exec(s->db, early_index_sql, NULL, NULL, &emsg) != SQLITE_OK)
		goto fail;
	for (int i = 0; i < ST__COUNT; i++) {
		char *sql = stmt_sql[i] ? NULL : batch_sql(i);
		int rc = stmt_sql[i] || sql ?
			 sqlite3_prepare_v3(s->db, stmt_sql[i] ? stmt_sql[i] : sql, -1,
					    SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) :
			 SQLITE_NOMEM;
		free(sql);
		if (rc != SQLITE_OK)
			goto fail;
	}
	s->next_reg = s->next_prov = 1;
	*out = s;
	{
		char v[16];
		snprintf(v, sizeof v, "%d", BG_STORE_SCHEMA_VERSION);
		if (bg_store_set_meta(s, "schema_version", v) != BG_OK)
			goto fail;
	}
	return BG_OK;
fail:
	bg_diag_set(d, BG_ERR_IO, s->tmp, 0, 0, "cannot create the store: %s",
		    emsg ? emsg : sqlite3_errmsg(s->db));
	sqlite3_free(emsg);
	*out = NULL;
	bg_store_abort(s);
	return BG_ERR_IO;
}

bg_status bg_store_set_meta(bg_store *s, const char *key, const char *value)
{
	int k = 0;

	bind_t(s->st[ST_META], &k, key);
	bind_t(s->st[ST_META], &k, value);
	return run(s, ST_META, k, "meta");
}

/* ----------------------------------------------------------- documents */

/* A document's rows, copied out of the document tree so that they can be
 * inserted after the document is freed: strings live in the arena,
 * parents and the provisions of references are indexes into provs[]. */
struct bg_store_docrows {
	bg_arena *arena;
	const bg_cx_doc *cx;   /* its provision measures go in too; borrowed */
	const char *bwb, *file, *title, *short_title, *intitule, *soort, *date;
	const char *dialect;
	struct prow {
		const char *address, *kind, *nr, *artikel;
		const char *parent_address;   /* NULL under a parent row */
		const char *heading, *text;
		const char *link;       /* NULL: the usual one (LINK_SQL) */
		size_t text_len, link_len;
		size_t parent;          /* index + 1 in provs, 0 = none */
		unsigned line;
		bg_node_kind nkind;
		bool repealed;
	} *provs;
	size_t nprovs;
	struct rrow {
		const char *from, *doc, *bwb_id, *artikel, *lid, *text;
		size_t prov;            /* index + 1 in provs, 0 = none */
		unsigned line;
		bool external;
	} *refs;
	size_t nrefs;
};

void bg_store_docrows_set_measures(bg_store_docrows *r, const bg_cx_doc *cx)
{
	if (r)
		r->cx = cx;
}

void bg_store_docrows_free(bg_store_docrows *r)
{
	if (!r)
		return;
	bg_arena_free(r->arena);
	free(r->provs);
	free(r->refs);
	free(r);
}

/* ------------------------------------------------ definitions in bulk */

/* Pointer of a record -> its id (position + 1), for root ids. */
struct defmap {
	const bg_def **k;
	int64_t *v;
	size_t cap;
};

static size_t dm_slot(const struct defmap *m, const bg_def *d)
{
	uintptr_t x = (uintptr_t)d;
	size_t i;

	x ^= x >> 15;
	x *= 0x9E3779B97F4A7C15u;
	for (i = (size_t)(x >> 11) & (m->cap - 1); m->k[i] && m->k[i] != d;
	     i = (i + 1) & (m->cap - 1))
		;
	return i;
}

/* Splitting definitions into components is most of the cost of storing
 * them and needs no store: `jobs` threads split (each with its own
 * normaliser) while the caller inserts the records in order as their
 * components become ready. */
struct split {
	const bg_defset *set;
	const bg_cmp_phrases *ph;
	bg_components *comps;    /* per record */
	bool *ready;             /* per record: comps[i] is done (under mu) */
	bool nomem;
	size_t next;             /* the next record to split (under mu) */
	size_t n;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void *split_worker(void *arg)
{
	struct split *sp = arg;
	bg_norm *nm = bg_norm_new();

	for (;;) {
		size_t i;
		bool ok;

		pthread_mutex_lock(&sp->mu);
		i = sp->next < sp->n ? sp->next++ : sp->n;
		pthread_mutex_unlock(&sp->mu);
		if (i == sp->n)
			break;
		{
			const bg_def *d = bg_defset_get(sp->set, i);
			ok = nm && bg_components_split(nm, sp->ph, d->text, strlen(d->text),
						       &sp->comps[i]) == BG_OK;
		}
		pthread_mutex_lock(&sp->mu);
		if (!ok)
			sp->nomem = true;
		sp->ready[i] = true;
		pthread_cond_broadcast(&sp->cv);
		pthread_mutex_unlock(&sp->mu);
	}
	bg_norm_free(nm);
	return NULL;
}

bg_status bg_store_add_defs(bg_store *st, const bg_defset *set, const bg_cmp_phrases *ph,
			   unsigned jobs)
{
	size_t n = bg_defset_count(set), started = 0;
	struct defmap m = { NULL, NULL, 64 };
	struct split sp = { set, ph, NULL, NULL, false, 0, n,
			    PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
	pthread_t tid[BG_MAX_JOBS];
	bg_status rc = BG_OK;

	while (m.cap < n * 2)
		m.cap *= 2;
	m.k = calloc(m.cap, sizeof *m.k);
	m.v = calloc(m.cap, sizeof *m.v);
	sp.comps = calloc(n ? n : 1, sizeof *sp.comps);  /* BG_COMPONENTS_INIT is all zero */
	sp.ready = calloc(n ? n : 1, sizeof *sp.ready);
	if (!m.k || !m.v || !sp.comps || !sp.ready) {
		rc = BG_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const bg_def *d = bg_defset_get(set, i);
		size_t j = dm_slot(&m, d);
		m.k[j] = d;
		m.v[j] = (int64_t)i + 1;
	}
	for (unsigned t = 0; t < (jobs ? jobs : 1) && t < BG_MAX_JOBS; t++)
		if (!pthread_create(&tid[started], NULL, split_worker, &sp))
			started++;
	if (!started)
		split_worker(&sp);
	for (size_t i = 0; i < n && rc == BG_OK; i++) {
		const bg_def *d = bg_defset_get(set, i);
		int64_t root = 0;
		bool nomem;

		if (d->root) {
			size_t j = dm_slot(&m, d->root);
			root = m.k[j] ? m.v[j] : 0;
		}
		pthread_mutex_lock(&sp.mu);
		while (!sp.ready[i])
			pthread_cond_wait(&sp.cv, &sp.mu);
		nomem = sp.nomem;
		pthread_mutex_unlock(&sp.mu);
		if (nomem) {
			rc = BG_ERR_NOMEM;
			break;
		}
		rc = bg_store_add_def(st, (int64_t)i + 1, d, root, 0, &sp.comps[i]);
		bg_components_release(&sp.comps[i]);
	}
	/* on an error the workers still finish the list: nothing to cancel */
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
out:
	if (sp.comps)
		for (size_t i = 0; i < n; i++)
			bg_components_release(&sp.comps[i]);
	free(sp.comps);
	free(sp.ready);
	pthread_mutex_destroy(&sp.mu);
	pthread_cond_destroy(&sp.cv);
	free(m.k);
	free(m.v);
	return rc;
}

/* ---------------------------------------------------- rows in file order */

struct bg_store_order {
	bg_store *store;
	size_t count;
	size_t turn;             /* the file whose rows go in next */
	int64_t *reg_ids;        /* per file: regulation id, 0 = not stored */
	bg_store_docrows **rows; /* per file: rows waiting for their turn */
	bool *done;              /* per file: handed in (rows or none) */
	pthread_mutex_t mu;
	bool inserting;          /* a thread is inserting: the others go on */
	bool failed;
};

bg_store_order *bg_store_order_new(bg_store *s, size_t count)
{
	bg_store_order *o = calloc(1, sizeof *o);
	size_t n1 = count ? count : 1;

	if (!o)
		return NULL;
	o->store = s;
	o->count = count;
	o->reg_ids = calloc(n1, sizeof *o->reg_ids);
	o->rows = calloc(n1, sizeof *o->rows);
	o->done = calloc(n1, sizeof *o->done);
	if (!o->reg_ids || !o->rows || !o->done || pthread_mutex_init(&o->mu, NULL)) {
		free(o->reg_ids);
		free(o->rows);
		free(o->done);
		free(o);
		return NULL;
	}
	return o;
}

/* Inserts the waiting rows from o->turn on, up to the first file not
 * handed in yet.  Called with o->mu held; the lock is dropped while
 * SQLite works, and `inserting` keeps a second thread out (it goes back
 * to its own work instead of waiting). */
static void order_insert_ready(bg_store_order *o)
{
	if (o->inserting)
		return;
	o->inserting = true;
	while (o->turn < o->count && o->done[o->turn]) {
		size_t i = o->turn++;
		bg_store_docrows *r = o->rows[i];

		o->rows[i] = NULL;
		pthread_mutex_unlock(&o->mu);
		if (r && !o->failed && bg_store_add_rows(o->store, r, &o->reg_ids[i]) != BG_OK)
			o->failed = true;
		bg_store_docrows_free(r);
		pthread_mutex_lock(&o->mu);
	}
	o->inserting = false;
}

void bg_store_order_put(bg_store_order *o, size_t i, bg_store_docrows *rows)
{
	pthread_mutex_lock(&o->mu);
	if (i < o->count && !o->done[i]) {
		o->rows[i] = rows;
		o->done[i] = true;
		rows = NULL;
	}
	order_insert_ready(o);
	pthread_mutex_unlock(&o->mu);
	bg_store_docrows_free(rows);   /* a second hand-in of one file */
}

bg_status bg_store_order_finish(bg_store_order *o)
{
	pthread_mutex_lock(&o->mu);
	for (size_t i = 0; i < o->count; i++)
		o->done[i] = true;
	order_insert_ready(o);
	pthread_mutex_unlock(&o->mu);
	return o->failed ? BG_ERR_IO : BG_OK;
}

const int64_t *bg_store_order_reg_ids(const bg_store_order *o)
{
	return o->reg_ids;
}

void bg_store_order_free(bg_store_order *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->count; i++)
		bg_store_docrows_free(o->rows[i]);
	pthread_mutex_destroy(&o->mu);
	free(o->reg_ids);
	free(o->rows);
	free(o->done);
	free(o);
}

/* Pointer -> provision index + 1, for parents and references. */
struct idmap {
	const bg_node **keys;
	size_t *vals;
	size_t cap;
};

static size_t ptr_hash(const void *p, size_t cap)
{
	uintptr_t x = (uintptr_t)p;

	x ^= x >> 17;
	x *= 0x9E3779B97F4A7C15u;
	return (size_t)(x >> 7) & (cap - 1);
}

static void idmap_put(struct idmap *m, const bg_node *n, size_t v)
{
	size_t i = ptr_hash(n, m->cap);

	while (m->keys[i] && m->keys[i] != n)
		i = (i + 1) & (m->cap - 1);
	m->keys[i] = n;
	m->vals[i] = v;
}

static size_t idmap_get(const struct idmap *m, const bg_node *n)
{
	size_t i;

	if (!n)
		return 0;
	for (i = ptr_hash(n, m->cap); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == n)
			return m->vals[i];
	return 0;
}

static bool is_provision(bg_node_kind k)
{
	return k == BG_N_ARTIKEL || k == BG_N_LID || k == BG_N_LI ||
	       k == BG_N_DEFITEM;
}

/* The text blocks of provision p that belong to p itself: its sub-
 * provisions keep theirs, so an article's text is not stored three
 * times (article, lid, item). */
static void own_text(const bg_node *p, bg_buf *b)
{
	const bg_node *n = p->first_child;

	while (n) {
		if ((n->kind == BG_N_AL || n->kind == BG_N_TERM) && n->text_len) {
			if (b->len)
				bg_buf_addc(b, ' ');
			bg_buf_add(b, n->text, n->text_len);
		}
		if (n->first_child && !is_provision(n->kind)) {
			n = n->first_child;
			continue;
		}
		while (n && n != p && !n->next)
			n = n->parent;
		n = (n && n != p) ? n->next : NULL;
	}
}

static bool repealed_upward(const bg_node *n)
{
	for (; n; n = n->parent)
		if (n->repealed)
			return true;
	return false;
}

/* A copy of s in the arena ("" for NULL); sets *ok false when out of memory. */
static const char *keep(bg_arena *a, const char *s, size_t n, bool *ok)
{
	char *c;

	if (!s)
		return "";
	if (!(c = bg_arena_strndup(a, s, n)))
		*ok = false;
	return c ? c : "";
}
#define KEEP(s) keep(r->arena, (s), (s) ? strlen(s) : 0, &ok)

/* b = LINK_SQL for row p (parent pp, NULL: none) of r. */
static bool default_link(bg_buf *b, const bg_store_docrows *r,
			 const struct prow *p, const struct prow *pp)
{
	const char *lid = p->nkind == BG_N_LID ? p->nr
		: pp && pp->nkind == BG_N_LID ? pp->nr : "";

	bg_buf_clear(b);
	bg_buf_adds(b, "https://wetten.overheid.nl/jci1.3:c:");
	bg_buf_adds(b, r->bwb);
	if (p->artikel[0]) {
		bg_buf_adds(b, "&artikel=");
		bg_buf_adds(b, p->artikel);
		if (lid[0]) {
			bg_buf_adds(b, "&lid=");
			bg_buf_adds(b, lid);
		}
	}
	if (r->date[0]) {
		bg_buf_adds(b, "&g=");
		bg_buf_adds(b, r->date);
	}
	return bg_buf_ok(b);
}

bg_store_docrows *bg_store_doc_rows(const bg_doc *doc)
{
	const bg_node *root = bg_doc_root(doc);
	const bg_ref *refs = bg_doc_refs(doc);
	size_t nrefs = bg_doc_ref_count(doc), cap = 0;
	struct idmap m = { NULL, NULL, 64 };
	bg_buf text = BG_BUF_INIT, link = BG_BUF_INIT, dflt = BG_BUF_INIT;
	bg_store_docrows *r = calloc(1, sizeof *r);
	bool ok = true;

	if (!r || !(r->arena = bg_arena_new()))
		goto fail;
	r->bwb = KEEP(bg_doc_bwb_id(doc));
	r->file = KEEP(bg_doc_path(doc));
	r->title = KEEP(bg_doc_title(doc));
	r->short_title = KEEP(bg_doc_short_title(doc));
	r->intitule = KEEP(bg_doc_intitule(doc));
	r->soort = KEEP(bg_doc_soort(doc));
	r->date = KEEP(bg_doc_date(doc));
	r->dialect = bg_dialect_name(bg_doc_dialect(doc));  /* static */

	while (m.cap < bg_doc_node_count(doc) * 2)
		m.cap *= 2;
	m.keys = calloc(m.cap, sizeof *m.keys);
	m.vals = calloc(m.cap, sizeof *m.vals);
	if (!m.keys || !m.vals || (nrefs && !(r->refs = calloc(nrefs, sizeof *r->refs))))
		goto fail;

	for (const bg_node *n = root; n && ok; n = bg_node_next(root, n)) {
		const bg_node *pp, *art;
		struct prow *p;

		if (!is_provision(n->kind))
			continue;
		if (r->nprovs == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct prow *nv = realloc(r->provs, nc * sizeof *nv);
			if (!nv)
				goto fail;
			r->provs = nv;
			cap = nc;
		}
		pp = n->parent ? bg_node_provision(n->parent) : NULL;
		art = bg_node_ancestor(n, BG_N_ARTIKEL);
		bg_buf_clear(&text);
		bg_buf_clear(&link);
		own_text(n, &text);
		bg_node_link(doc, n, &link);
		if (!bg_buf_ok(&text) || !bg_buf_ok(&link))
			goto fail;
		p = &r->provs[r->nprovs];
		p->address = KEEP(n->address);
		p->kind = bg_node_kind_name(n->kind);  /* static */
		p->nkind = n->kind;
		p->nr = KEEP(n->nr);
		p->artikel = art ? KEEP(art->nr) : "";
		p->parent = idmap_get(&m, pp);
		/* under a parent provision the view takes its address from the
		 * parent's row: only the container's is kept */
		p->parent_address = p->parent ? NULL
			: KEEP(pp ? pp->address : n->parent ? n->parent->address : "");
		p->heading = KEEP(n->heading);
		p->text = keep(r->arena, text.s, text.len, &ok);
		p->text_len = text.len;
		/* most links are the usual one, which the view derives: only
		 * the others are kept */
		if (!default_link(&dflt, r, p, p->parent ? &r->provs[p->parent - 1] : NULL))
			goto fail;
		if (dflt.len == link.len && !memcmp(dflt.s, link.s, link.len)) {
			p->link = NULL;
			p->link_len = 0;
		} else {
			p->link = keep(r->arena, link.s, link.len, &ok);
			p->link_len = link.len;
		}
		p->line = n->line;
		p->repealed = repealed_upward(n);
		idmap_put(&m, n, ++r->nprovs);
	}

	for (size_t i = 0; i < nrefs && ok; i++) {
		const bg_ref *f = &refs[i];
		const bg_node *p = f->node ? bg_node_provision(f->node) : NULL;
		const char *from = p ? p->address : f->node ? f->node->address : r->bwb;
		struct rrow *x = &r->refs[r->nrefs++];

		x->prov = idmap_get(&m, p);
		x->from = from[0] ? KEEP(from) : r->bwb;
		x->external = f->external;
		x->doc = KEEP(f->doc);
		x->bwb_id = KEEP(f->bwb_id);
		/* artikel and lid arrive decoded (bg_ref_parse_target) */
		x->artikel = KEEP(f->artikel);
		x->lid = KEEP(f->lid);
		x->text = KEEP(f->text);
		x->line = f->line;
	}
	if (!ok)
		goto fail;
	free(m.keys);
	free(m.vals);
	bg_buf_release(&text);
	bg_buf_release(&link);
	bg_buf_release(&dflt);
	return r;
fail:
	free(m.keys);
	free(m.vals);
	bg_buf_release(&text);
	bg_buf_release(&link);
	bg_buf_release(&dflt);
	bg_store_docrows_free(r);
	return NULL;
}
#undef KEEP

enum { T_ARTIKEL = 1, T_LID };
enum { T_EXISTS = 1, T_LIVE = 2 };

/* The targets table of law `bwb`, added when absent; NULL when out of
 * memory. */
static struct ktab *target_law(bg_store *s, const char *bwb)
{
	struct kslot *e = ktab_put(&s->tpool, &s->laws, bwb, strlen(bwb),
				   (int64_t)s->ntargets);

	if (!e)
		return NULL;
	if ((size_t)e->id == s->ntargets) {
		struct ktab *nv = room(s->targets, &s->targets_cap, s->ntargets + 1,
				       sizeof *nv, 1024);

		if (!nv)
			return NULL;
		s->targets = nv;
		memset(&s->targets[s->ntargets++], 0, sizeof *s->targets);
	}
	return &s->targets[e->id];
}

/* s->tkey = the key of a target within its law: the kind (T_ARTIKEL,
 * T_LID) as the first byte, the artikel, the lid (NULL: none). */
static bool target_key(bg_store *s, int kind, const char *art, const char *lid)
{
	bg_buf_clear(&s->tkey);
	bg_buf_addc(&s->tkey, (char)kind);
	bg_buf_adds(&s->tkey, art);
	if (lid) {
		bg_buf_addc(&s->tkey, '\x1f');
		bg_buf_adds(&s->tkey, lid);
	}
	return bg_buf_ok(&s->tkey);
}

/* Notes that target (kind, art, lid) of law t exists, and is in force
 * unless repealed. */
static bool target_put(bg_store *s, struct ktab *t, int kind, const char *art,
		       const char *lid, bool repealed)
{
	struct kslot *e;

	if (!target_key(s, kind, art, lid) ||
	    !(e = ktab_put(&s->tpool, t, s->tkey.s, s->tkey.len, 0)))
		return false;
	e->id |= T_EXISTS | (repealed ? 0 : T_LIVE);
	return true;
}

/* The provisions a reference can name: an artikel by its number, a lid by
 * its artikel's number and its own (what the finish used to match in SQL:
 * kind 'artikel' with artikel = nr, or kind 'lid'), in the targets t of
 * their law. */
static bool note_target(bg_store *s, struct ktab *t, const struct prow *p)
{
	if (p->nkind == BG_N_ARTIKEL && !strcmp(p->artikel, p->nr))
		return target_put(s, t, T_ARTIKEL, p->nr, NULL, p->repealed);
	if (p->nkind == BG_N_LID)
		return target_put(s, t, T_LID, p->artikel, p->nr, p->repealed);
	return true;
}

/* The table of regulation rid's addresses with room for n; NULL when out
 * of memory. */
static struct ktab *prov_tab(bg_store *s, int64_t rid, size_t n)
{
	if ((size_t)rid >= s->provs_cap) {
		size_t oc = s->provs_cap;
		struct ktab *nv = room(s->provs, &s->provs_cap, (size_t)rid + 1, sizeof *nv, 1024);

		if (!nv)
			return NULL;
		memset(nv + oc, 0, (s->provs_cap - oc) * sizeof *nv);
		s->provs = nv;
	}
	return ktab_reserve(&s->ids, &s->provs[rid], n) ? &s->provs[rid] : NULL;
}

bg_status bg_store_add_rows(bg_store *s, const bg_store_docrows *r, int64_t *reg_id)
{
	int64_t rid = s->next_reg, first = s->next_prov;
	struct ktab *law, *provs;
	bg_status st;
	sqlite3_stmt *q = s->st[ST_REG];
	int k = 0, which = ST_PROV;

	if ((st = not_completed(s, r->file)) != BG_OK)
		return st;
	bind_i(q, &k, rid);
	bind_t(q, &k, r->bwb);
	bind_t(q, &k, r->file);
	bind_t(q, &k, r->title);
	bind_t(q, &k, r->short_title);
	bind_t(q, &k, r->intitule);
	bind_t(q, &k, r->soort);
	bind_t(q, &k, r->date);
	bind_t(q, &k, r->dialect);
	if ((st = run(s, ST_REG, k, r->file)) != BG_OK)
		return st;
	if (!ktab_put(&s->ids, &s->files, r->file, strlen(r->file), rid) ||
	    !(law = target_law(s, r->bwb)) || !(provs = prov_tab(s, rid, r->nprovs)))
		return fail(s, "out of memory");
	s->next_reg++;
	if (reg_id)
		*reg_id = rid;

	/* provision i gets id first + i: parents and references need no
	 * lookup */
	for (size_t i = 0, end = 0; i < r->nprovs; i++) {
		const struct prow *p = &r->provs[i];
		int64_t pid = first + (int64_t)i;

		if (i == end) {
			which = batch_start(i, r->nprovs, ST_PROV_B, ST_PROV, &end);
			q = s->st[which];
			k = 0;
		}
		bind_i(q, &k, pid);
		bind_i(q, &k, rid);
		bind_t(q, &k, p->address);
		bind_t(q, &k, p->kind);
		bind_t(q, &k, p->nr);
		bind_t(q, &k, p->artikel);
		bind_id(q, &k, p->parent ? first + (int64_t)p->parent - 1 : 0);
		/* the view takes the parent's address from its row (the same
		 * string: both come from the parent node) */
		if (p->parent)
			sqlite3_bind_null(q, ++k);
		else
			bind_t(q, &k, p->parent_address);
		bind_t(q, &k, p->heading);
		bind_tn(q, &k, p->text, p->text_len);
		bind_i(q, &k, p->line);
		bind_i(q, &k, p->repealed);
		if (!p->link)
			sqlite3_bind_null(q, ++k);
		else
			bind_tn(q, &k, p->link, p->link_len);
		if (i + 1 == end && (st = run(s, which, k, p->address)) != BG_OK)
			return st;
		if (!ktab_put(&s->ids, provs, p->address, strlen(p->address), pid) ||
		    !note_target(s, law, p))
			return fail(s, "out of memory");
		s->next_prov++;
	}

	for (size_t i = 0, end = 0; i < r->nrefs; i++) {
		const struct rrow *x = &r->refs[i];

		if (i == end) {
			which = batch_start(i, r->nrefs, ST_REF_B, ST_REF, &end);
			q = s->st[which];
			k = 0;
		}
		bind_i(q, &k, rid);
		bind_t(q, &k, r->bwb);
		bind_id(q, &k, x->prov ? first + (int64_t)x->prov - 1 : 0);
		bind_t(q, &k, x->from);
		bind_i(q, &k, x->external);
		bind_t(q, &k, x->doc);
		bind_t(q, &k, x->bwb_id);
		bind_t(q, &k, x->artikel);
		bind_t(q, &k, x->lid);
		bind_t(q, &k, x->text);
		bind_i(q, &k, x->line);
		if (i + 1 == end && (st = run(s, which, k, r->file)) != BG_OK)
			return st;
	}
	/* while the regulation's provision ids are at hand */
	return r->cx ? bg_store_add_provision_measures(s, rid, r->cx) : BG_OK;
}

bg_status bg_store_add_doc(bg_store *s, const bg_doc *doc, int64_t *reg_id)
{
	bg_store_docrows *r = bg_store_doc_rows(doc);
	bg_status st;

	if (!r)
		return fail(s, "out of memory");
	st = bg_store_add_rows(s, r, reg_id);
	bg_store_docrows_free(r);
	return st;
}

/* ------------------------------------------------------------ measures */

static int64_t provision_id(bg_store *s, int64_t reg_id, const char *address)
{
	struct kslot *e;

	if (reg_id <= 0 || (size_t)reg_id >= s->provs_cap)
		return 0;
	e = ktab_get(&s->ids, &s->provs[reg_id], address, strlen(address));
	return e ? e->id : 0;
}

/* Keeps the dist_measures of artikel p of regulation reg for
 * measure_dist.  False when out of memory. */
static bool dist_add(bg_store *s, int64_t reg, const bg_cx_prov *p)
{
	struct distrow *d = room(s->dist, &s->dist_cap, s->ndist + 1, sizeof *d, 4096);

	if (!d)
		return false;
	s->dist = d;
	d = &s->dist[s->ndist++];
	d->reg = reg;
	/* + 0.0: -0.0 is 0 in SQL, whose GROUP BY this replaces */
	d->v[0] = p->stacking + 0.0;
	d->v[1] = p->c.conditions;
	d->v[2] = p->c.exceptions;
	d->v[3] = p->c.delegations;
	return true;
}

bg_status bg_store_add_regulation_measures(bg_store *s, int64_t reg_id,
					   const bg_cx_doc *cx)
{
	sqlite3_stmt *st = s->st[ST_RMEAS];
	const bg_cx_counts *c = &cx->total;
	bg_status rc;
	int k = 0;

	if ((rc = not_completed(s, "regulation_measures")) != BG_OK)
		return rc;
	bind_i(st, &k, reg_id);
	bind_i(st, &k, (int64_t)cx->above);
	bind_i(st, &k, (int64_t)cx->at);
	bind_i(st, &k, (int64_t)cx->below);
	bind_d(st, &k, cx->depth_mean);
	bind_d(st, &k, cx->depth_sd);
	bind_i(st, &k, (int64_t)cx->blocks);
	bind_d(st, &k, cx->tokens_per_article);
	bind_d(st, &k, cx->entropy);
	bind_d(st, &k, cx->entropy_stemmed);
	bind_i(st, &k, (int64_t)cx->vocabulary);
	bind_i(st, &k, (int64_t)cx->vocabulary_stemmed);
	bind_i(st, &k, (int64_t)cx->cit_out);
	bind_i(st, &k, (int64_t)cx->cit_internal);
	bind_i(st, &k, (int64_t)cx->cit_in);
	CX_COUNTS(CX_BIND)
	bind_d(st, &k, cx->stacking_total);
	bind_d(st, &k, cx->stacking_max);
	bind_d(st, &k, cx->flesch);
	bind_i(st, &k, (int64_t)cx->long_elements);
	bind_i(st, &k, (int64_t)cx->dup_grams);
	bind_d(st, &k, cx->dup_ratio);
	bind_d(st, &k, cx->composite);
	bind_id(st, &k, (int64_t)cx->rank);
	if ((rc = run(s, ST_RMEAS, k, "regulation_measures")) != BG_OK)
		return rc;

	for (size_t i = 0; i < sizeof cx->pct / sizeof cx->pct[0]; i++) {
		st = s->st[ST_RANK];
		k = 0;
		bind_i(st, &k, reg_id);
		bind_t(st, &k, bg_cx_rank_names[i]);
		bind_d(st, &k, cx->pct[i]);
		if ((rc = run(s, ST_RANK, k, "regulation_ranks")) != BG_OK)
			return rc;
	}
	return BG_OK;
}

bg_status bg_store_add_provision_measures(bg_store *s, int64_t reg_id,
					  const bg_cx_doc *cx)
{
	sqlite3_stmt *st = NULL;
	int k = 0, which = ST_PMEAS;
	bg_status rc;

	if ((rc = not_completed(s, "provision_measures")) != BG_OK)
		return rc;
	for (size_t i = 0, end = 0; i < cx->nprov; i++) {
		const bg_cx_prov *p = &cx->provs[i];
		const bg_cx_counts *c = &p->c;

		if (p->kind == BG_CX_ARTIKEL && !dist_add(s, reg_id, p))
			return fail(s, "out of memory");
		if (i == end) {
			which = batch_start(i, cx->nprov, ST_PMEAS_B, ST_PMEAS, &end);
			st = s->st[which];
			k = 0;
		}
		bind_i(st, &k, reg_id);
		bind_id(st, &k, provision_id(s, reg_id, p->address));
		bind_t(st, &k, bg_cx_kind_name(p->kind));
		bind_i(st, &k, p->leaf);
		bind_t(st, &k, p->address);
		bind_t(st, &k, p->label);
		bind_t(st, &k, p->term);
		bind_i(st, &k, p->line);
		CX_COUNTS(CX_BIND)
		bind_d(st, &k, p->stacking);
		if (i + 1 == end && (rc = run(s, which, k, "provision_measures")) != BG_OK)
			return rc;
	}
	return BG_OK;
}


/* --------------------------------------------------------- definitions */

/* The regulation stored from `file`, 0 when none. */
static int64_t file_reg_id(bg_store *s, const char *file)
{
	struct kslot *e = ktab_get(&s->ids, &s->files, file, strlen(file));

	return e ? e->id : 0;
}

bg_status bg_store_add_def(bg_store *s, int64_t id, const bg_def *d,
			   int64_t root_id, int64_t reg_id,
			   const bg_components *comps)
{
	sqlite3_stmt *st;
	const bg_def *r = d->root;
	bg_status rc;
	int k = 0;

	if ((rc = not_completed(s, "definitions")) != BG_OK)
		return rc;
	if (reg_id <= 0)
		reg_id = file_reg_id(s, d->file);
	st = s->st[ST_DEF];
	bind_i(st, &k, id);
	bind_id(st, &k, reg_id);
	bind_id(st, &k, reg_id > 0 && d->address[0] ? provision_id(s, reg_id, d->address) : 0);
	bind_t(st, &k, d->file);
	bind_t(st, &k, d->bwb_id);
	bind_t(st, &k, d->law_title);
	bind_t(st, &k, d->date);
	bind_t(st, &k, d->article);
	bind_t(st, &k, d->lid);
	bind_t(st, &k, d->item);
	bind_t(st, &k, d->term);
	bind_t(st, &k, d->term_key);
	bind_t(st, &k, d->concept);
	bind_t(st, &k, bg_def_kind_name(d->kind));
	bind_t(st, &k, d->target_bwb_id);
	bind_t(st, &k, d->target_article);
	bind_t(st, &k, d->target_lid);
	bind_id(st, &k, root_id);
	bind_t(st, &k, r ? r->bwb_id : "");
	bind_t(st, &k, r ? r->article : "");
	bind_t(st, &k, r ? r->lid : "");
	bind_t(st, &k, r ? r->term : "");
	bind_t(st, &k, d->chain_status);
	bind_t(st, &k, d->scope_kind);
	bind_t(st, &k, d->scope_text);
	bind_t(st, &k, d->scope_address);
	bind_t(st, &k, d->text);
	bind_t(st, &k, d->modification);
	bind_t(st, &k, d->link);
	bind_t(st, &k, d->address);
	bind_i(st, &k, d->line);
	bind_t(st, &k, d->ref_text);
	bind_i(st, &k, d->ref_marked_up);
	if ((rc = run(s, ST_DEF, k, "definitions")) != BG_OK)
		return rc;

	for (size_t i = 0; comps && i < comps->n; i++) {
		const bg_comp *c = &comps->v[i];
		size_t tl = strlen(d->text);
		size_t start = c->start < tl ? c->start : tl;
		size_t len = c->len < tl - start ? c->len : tl - start;

		st = s->st[ST_COMP];
		k = 0;
		bind_i(st, &k, id);
		bind_i(st, &k, (int64_t)i + 1);
		bind_t(st, &k, bg_comp_kind_name(c->kind));
		bind_t(st, &k, bg_conj_name(c->conj));
		bind_i(st, &k, (int64_t)start);
		bind_i(st, &k, (int64_t)len);
		bind_tn(st, &k, d->text + start, len);
		bind_t(st, &k, c->key);
		if ((rc = run(s, ST_COMP, k, "components")) != BG_OK)
			return rc;
	}
	return BG_OK;
}

/* ---------------------------------------------------------- candidates */

static void json_array(bg_buf *b, const char *const *v, size_t n)
{
	bg_buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			bg_buf_addc(b, ',');
		bg_buf_json_str(b, v[i]);
	}
	bg_buf_addc(b, ']');
}

bg_status bg_store_add_candidate(bg_store *s, const bg_store_candidate *c)
{
	sqlite3_stmt *st = s->st[ST_CAND];
	bg_buf ids = BG_BUF_INIT, addrs = BG_BUF_INIT;
	bg_status rc;
	int k = 0;

	json_array(&ids, c->bwb_ids, c->n_bwb_ids);
	json_array(&addrs, c->addresses, c->n_addresses);
	if (!bg_buf_ok(&ids) || !bg_buf_ok(&addrs)) {
		bg_buf_release(&ids);
		bg_buf_release(&addrs);
		return fail(s, "out of memory");
	}
	bind_t(st, &k, c->kind);
	bind_d(st, &k, c->score);
	bind_tn(st, &k, ids.s, ids.len);
	bind_tn(st, &k, addrs.s, addrs.len);
	bind_t(st, &k, c->evidence);
	bind_t(st, &k, c->rationale);
	rc = run(s, ST_CAND, k, "candidates");
	bg_buf_release(&ids);
	bg_buf_release(&addrs);
	return rc;
}

/* -------------------------------------------------------------- finish */

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/*
 * Starts the writeback of what is in the file so far, without waiting:
 * the rows are in the page cache, and the kernel would write them only
 * when the fsync at the end asks (0.12 s for the corpus, with nothing
 * else left to do).  Started before the indexes are built, the disk works
 * while they are.
 */
static void start_writeback(const char *path)
{
#ifdef SYNC_FILE_RANGE_WRITE
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
		close(fd);
	}
#else
	(void)path;
#endif
}

/* The state of a reference target (bwb, artikel, lid) from s->targets: -1
 * without a BWB target, else T_EXISTS | T_LIVE bits (0: not in the store). */
static int target_state(bg_store *s, sqlite3_value **v, bool *has_art)
{
	const char *bwb = (const char *)sqlite3_value_text(v[0]);
	const char *art = (const char *)sqlite3_value_text(v[1]);
	const char *lid = (const char *)sqlite3_value_text(v[2]);
	int kind;
	struct kslot *e;

	*has_art = art && art[0];
	if (!bwb || !bwb[0])
		return -1;
	if (!(e = ktab_get(&s->tpool, &s->laws, bwb, strlen(bwb))))
		return 0;
	if (!*has_art)
		return T_EXISTS | T_LIVE;     /* the law: it is stored */
	kind = lid && lid[0] ? T_LID : T_ARTIKEL;
	if (!target_key(s, kind, art, kind == T_LID ? lid : NULL))
		return -2;
	e = ktab_get(&s->tpool, &s->targets[e->id], s->tkey.s, s->tkey.len);
	return e ? (int)e->id : 0;
}

static void fn_resolved(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	bool has_art;
	int st = target_state(sqlite3_user_data(cx), v, &has_art);

	(void)argc;
	if (st == -2)
		sqlite3_result_error_nomem(cx);
	else if (st < 0)
		sqlite3_result_null(cx);
	else
		sqlite3_result_int(cx, (st & T_EXISTS) != 0);
}

static void fn_repealed(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	bool has_art;
	int st = target_state(sqlite3_user_data(cx), v, &has_art);

	(void)argc;
	if (st == -2)
		sqlite3_result_error_nomem(cx);
	else if (st < 0 || !(st & T_EXISTS) || !has_art)
		sqlite3_result_null(cx);
	else
		sqlite3_result_int(cx, !(st & T_LIVE));
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* measure_dist from s->dist, once regulations.latest is set. */
static bg_status fill_dist(bg_store *s)
{
	sqlite3_stmt *q = NULL;
	bool *latest = calloc((size_t)s->next_reg + 1, sizeof *latest);
	double *v = malloc((s->ndist ? s->ndist : 1) * sizeof *v);
	bg_status rc = BG_OK;
	int r;

	if (!latest || !v) {
		rc = fail(s, "out of memory");
		goto out;
	}
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM regulations WHERE latest = 1",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = fail(s, "measure_dist");
		goto out;
	}
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(q, 0);
		if (id > 0 && id < s->next_reg)
			latest[id] = true;
	}
	if (r != SQLITE_DONE) {
		rc = fail(s, "measure_dist");
		goto out;
	}
	for (int m = 0; m < 4 && rc == BG_OK; m++) {
		size_t n = 0;

		for (size_t i = 0; i < s->ndist; i++)
			if (s->dist[i].reg > 0 && s->dist[i].reg < s->next_reg &&
			    latest[s->dist[i].reg])
				v[n++] = s->dist[i].v[m];
		qsort(v, n, sizeof *v, cmp_double);
		for (size_t i = 0, j; i < n && rc == BG_OK; i = j) {
			int k = 0;

			for (j = i + 1; j < n && v[j] == v[i]; j++)
				;
			bind_t(s->st[ST_DIST], &k, dist_measures[m]);
			bind_d(s->st[ST_DIST], &k, v[i]);
			bind_i(s->st[ST_DIST], &k, (int64_t)(j - i));
			rc = run(s, ST_DIST, k, "measure_dist");
		}
	}
out:
	sqlite3_finalize(q);
	free(latest);
	free(v);
	return rc;
}

bg_status bg_store_complete(bg_store *s)
{
	char *emsg = NULL;

	if (s->completed || s->err[0])
		return s->err[0] ? BG_ERR_IO : BG_OK;
	s->completed = true;
	/* the id maps served the inserts; free them before the index build */
	ids_release(s);
	start_writeback(s->tmp);
	if (sqlite3_create_function(s->db, "bg_ref_resolved", 3, SQLITE_UTF8 |
				    SQLITE_DETERMINISTIC, s, fn_resolved, NULL, NULL) ||
	    sqlite3_create_function(s->db, "bg_ref_repealed", 3, SQLITE_UTF8 |
				    SQLITE_DETERMINISTIC, s, fn_repealed, NULL, NULL))
		return fail(s, "functions");
	if (sqlite3_exec(s->db, index_sql, NULL, NULL, &emsg) != SQLITE_OK ||
	    sqlite3_exec(s->db, finish_sql, NULL, NULL, &emsg) != SQLITE_OK) {
		snprintf(s->err, sizeof s->err, "cannot complete the store: %s",
			 emsg ? emsg : sqlite3_errmsg(s->db));
		sqlite3_free(emsg);
		return BG_ERR_IO;
	}
	start_writeback(s->tmp);   /* and the indexes' pages */
	return fill_dist(s);
}

bg_status bg_store_finish(bg_store *s, bg_diag *d)
{
	char *emsg = NULL;
	const char *slash;
	bg_buf dir = BG_BUF_INIT;

	if (bg_store_complete(s) != BG_OK) {
		bg_diag_set(d, BG_ERR_IO, s->path, 0, 0, "%s", s->err);
		bg_store_abort(s);
		return BG_ERR_IO;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, &emsg) != SQLITE_OK) {
		bg_diag_set(d, BG_ERR_IO, s->path, 0, 0, "cannot complete the store: %s",
			    emsg ? emsg : sqlite3_errmsg(s->db));
		sqlite3_free(emsg);
		bg_store_abort(s);
		return BG_ERR_IO;
	}
	for (int i = 0; i < ST__COUNT; i++) {
		sqlite3_finalize(s->st[i]);
		s->st[i] = NULL;
	}
	if (sqlite3_close(s->db) != SQLITE_OK) {
		bg_diag_set(d, BG_ERR_IO, s->path, 0, 0, "cannot close the store: %s",
			    sqlite3_errmsg(s->db));
		bg_store_abort(s);
		return BG_ERR_IO;
	}
	s->db = NULL;
	if (fsync_path(s->tmp, O_RDONLY) || rename(s->tmp, s->path)) {
		bg_diag_set(d, BG_ERR_IO, s->path, 0, 0, "cannot write: %s", strerror(errno));
		bg_store_abort(s);
		return BG_ERR_IO;
	}
	/* make the rename itself durable */
	slash = strrchr(s->path, '/');
	if (slash)
		bg_buf_add(&dir, s->path, (size_t)(slash - s->path) + 1);
	else
		bg_buf_adds(&dir, ".");
	if (bg_buf_ok(&dir))
		fsync_path(dir.s, O_RDONLY | O_DIRECTORY);
	bg_buf_release(&dir);
	store_free(s);
	return BG_OK;
}

void bg_store_abort(bg_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST__COUNT; i++) {
		sqlite3_finalize(s->st[i]);
		s->st[i] = NULL;
	}
	if (s->db) {
		sqlite3_close(s->db);
		s->db = NULL;
	}
	if (s->writing && s->tmp)
		unlink(s->tmp);
	store_free(s);
}

/* ------------------------------------------------------------- reading */

static int64_t pragma_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt *st = NULL;
	int64_t v = 0;

	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc == SQLITE_OK) {
		*rc = sqlite3_step(st);
		if (*rc == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			*rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return v;
}

bg_status bg_store_open(const char *path, bg_store **out, bg_diag *d)
{
	bg_store *s;
	int64_t app, ver;
	int rc;

	*out = NULL;
	s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		bg_diag_set(d, BG_ERR_NOMEM, path, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	if (access(path, R_OK)) {
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "cannot open the index: %s (build it with `begrip index`)",
			    strerror(errno));
		store_free(s);
		return BG_ERR_IO;
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "cannot open the index: %s",
			    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_free(s);
		return BG_ERR_IO;
	}
	app = pragma_int(s->db, "PRAGMA application_id", &rc);
	if (rc != SQLITE_OK || app != BG_STORE_APPLICATION_ID) {
		bg_diag_set(d, BG_ERR_FORMAT, path, 0, 0,
			    "not a begrip index (%s); rebuild it with `begrip index`",
			    rc != SQLITE_OK ? sqlite3_errmsg(s->db) : "wrong application id");
		store_free(s);
		return BG_ERR_FORMAT;
	}
	ver = pragma_int(s->db, "PRAGMA user_version", &rc);
	if (rc != SQLITE_OK || ver != BG_STORE_SCHEMA_VERSION) {
		bg_diag_set(d, BG_ERR_FORMAT, path, 0, 0,
			    "index schema version %lld, this begrip reads version %d;"
			    " rebuild it with `begrip index`",
			    (long long)ver, BG_STORE_SCHEMA_VERSION);
		store_free(s);
		return BG_ERR_FORMAT;
	}
	/* lookups read pages straight from the page cache through a memory
	 * map instead of copying each one with pread() */
	sqlite3_exec(s->db, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL);
	*out = s;
	return BG_OK;
}

void bg_store_close(bg_store *s)
{
	if (s && s->writing) {
		bg_store_abort(s);
		return;
	}
	store_free(s);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

char *bg_store_meta(bg_store *s, const char *key)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1,
			       &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = col_dup(st, 0);
	sqlite3_finalize(st);
	return v;
}

void bg_store_rows_release(bg_store_rows *r)
{
	if (!r)
		return;
	bg_arena_free(r->arena);
	memset(r, 0, sizeof *r);
}

/* Column i as a string in the arena ("" for NULL); NULL when out of memory. */
static const char *col_str(bg_arena *a, sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	int n = sqlite3_column_bytes(st, i);

	return bg_arena_strndup(a, t ? t : "", t ? (size_t)n : 0);
}

/* Grows an arena array of `size`-byte rows: arenas do not realloc, so a
 * new block of twice the size is taken (total stays linear). */
static void *grow(bg_arena *a, void *old, size_t n, size_t *cap, size_t size)
{
	void *p;

	if (n < *cap)
		return old;
	*cap = *cap ? *cap * 2 : 16;
	p = bg_arena_alloc(a, *cap * size);
	if (p && old)
		memcpy(p, old, n * size);
	return p;
}

static bg_status rows_start(bg_store_rows *out)
{
	memset(out, 0, sizeof *out);
	out->arena = bg_arena_new();
	return out->arena ? BG_OK : BG_ERR_NOMEM;
}

bg_status bg_store_regulation(bg_store *s, const char *bwb_id,
			      bg_store_rows *out)
{
	static const char sql[] =
		"SELECT id, bwb_id, file, title, short_title, soort, date, dialect"
		" FROM regulations WHERE bwb_id = ? ORDER BY date DESC, id DESC";
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	if (rows_start(out) != BG_OK)
		return BG_ERR_NOMEM;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		bg_store_rows_release(out);
		return fail(s, "regulation");
	}
	sqlite3_bind_text(st, 1, bwb_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bg_store_reg *r;
		if (!(out->regs = grow(out->arena, out->regs, out->n, &cap, sizeof *r)))
			break;
		r = &out->regs[out->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->bwb_id = col_str(out->arena, st, 1);
		r->file = col_str(out->arena, st, 2);
		r->title = col_str(out->arena, st, 3);
		r->short_title = col_str(out->arena, st, 4);
		r->soort = col_str(out->arena, st, 5);
		r->date = col_str(out->arena, st, 6);
		r->dialect = col_str(out->arena, st, 7);
		if (!r->dialect)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		bg_store_rows_release(out);
		return rc == SQLITE_ROW ? BG_ERR_NOMEM : fail(s, "regulation");
	}
	return BG_OK;
}

bg_status bg_store_provisions(bg_store *s, int64_t reg_id, const char *address,
			      bg_store_rows *out)
{
	/* the subtree of A is A itself plus every address starting "A/":
	 * the range ["A/", "A0") since '0' follows '/' in ASCII */
	static const char sql[] =
		"SELECT id, parent_id, bwb_id, address, kind, nr, artikel,"
		" parent_address, heading, text, link, line, repealed FROM provisions"
		" WHERE regulation_id = ?1 AND (?2 = '' OR address = ?2"
		" OR (address >= ?2 || '/' AND address < ?2 || '0')) ORDER BY id";
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	if (rows_start(out) != BG_OK)
		return BG_ERR_NOMEM;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		bg_store_rows_release(out);
		return fail(s, "provisions");
	}
	sqlite3_bind_int64(st, 1, reg_id);
	sqlite3_bind_text(st, 2, address ? address : "", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bg_store_prov *p;
		bg_arena *a = out->arena;
		if (!(out->provs = grow(a, out->provs, out->n, &cap, sizeof *p)))
			break;
		p = &out->provs[out->n++];
		p->id = sqlite3_column_int64(st, 0);
		p->parent_id = sqlite3_column_int64(st, 1);
		p->bwb_id = col_str(a, st, 2);
		p->address = col_str(a, st, 3);
		p->kind = col_str(a, st, 4);
		p->nr = col_str(a, st, 5);
		p->artikel = col_str(a, st, 6);
		p->parent_address = col_str(a, st, 7);
		p->heading = col_str(a, st, 8);
		p->text = col_str(a, st, 9);
		p->link = col_str(a, st, 10);
		p->line = (unsigned)sqlite3_column_int64(st, 11);
		p->repealed = sqlite3_column_int(st, 12) != 0;
		if (!p->link)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		bg_store_rows_release(out);
		return rc == SQLITE_ROW ? BG_ERR_NOMEM : fail(s, "provisions");
	}
	return BG_OK;
}

#define DEF_COLS \
	"id, regulation_id, file, bwb_id, law_title, date, article, lid, item," \
	" term, term_key, concept, kind, target_bwb_id, target_article," \
	" target_lid, root_id, chain_status, scope_kind, scope_text," \
	" scope_address, text, modification, link, address, line, ref_text," \
	" ref_marked_up"

static bg_def_kind kind_from_name(const char *k)
{
	for (int i = BG_DEF_OWN; i <= BG_DEF_NEGATIVE; i++)
		if (!strcmp(k, bg_def_kind_name((bg_def_kind)i)))
			return (bg_def_kind)i;
	return BG_DEF_OWN;
}

/* Fills d from a row of DEF_COLS; returns its root_id (0 none), -1 when
 * out of memory. */
static int64_t def_from_row(bg_arena *a, sqlite3_stmt *st, bg_def *d, int64_t *id)
{
	int i = 0;

	memset(d, 0, sizeof *d);
	*id = sqlite3_column_int64(st, i++);
	d->doc_index = (size_t)sqlite3_column_int64(st, i++);
	d->file = col_str(a, st, i++);
	d->bwb_id = col_str(a, st, i++);
	d->law_title = col_str(a, st, i++);
	d->date = col_str(a, st, i++);
	d->article = col_str(a, st, i++);
	d->lid = col_str(a, st, i++);
	d->item = col_str(a, st, i++);
	d->term = col_str(a, st, i++);
	d->term_key = col_str(a, st, i++);
	d->concept = col_str(a, st, i++);
	d->kind = kind_from_name((const char *)sqlite3_column_text(st, i++));
	d->target_bwb_id = col_str(a, st, i++);
	d->target_article = col_str(a, st, i++);
	d->target_lid = col_str(a, st, i++);
	{
		int64_t root = sqlite3_column_int64(st, i++);
		d->chain_status = col_str(a, st, i++);
		d->scope_kind = col_str(a, st, i++);
		d->scope_text = col_str(a, st, i++);
		d->scope_address = col_str(a, st, i++);
		d->text = col_str(a, st, i++);
		d->modification = col_str(a, st, i++);
		d->link = col_str(a, st, i++);
		d->address = col_str(a, st, i++);
		d->line = (unsigned)sqlite3_column_int64(st, i++);
		d->ref_text = col_str(a, st, i++);
		d->ref_marked_up = sqlite3_column_int(st, i++) != 0;
		return d->ref_text ? root : -1;
	}
}

static bg_status defs_where(bg_store *s, const char *col_sql, const char *v,
			    bg_store_rows *out)
{
	bg_buf sql = BG_BUF_INIT;
	sqlite3_stmt *st = NULL, *rq = NULL;
	size_t cap = 0;
	int rc = SQLITE_OK;
	bg_status ret = BG_OK;

	if (rows_start(out) != BG_OK)
		return BG_ERR_NOMEM;
	/* col_sql is one of the two fixed strings of the callers */
	bg_buf_addf(&sql, "SELECT " DEF_COLS " FROM definitions WHERE %s = ? ORDER BY id",
		    col_sql);
	if (!bg_buf_ok(&sql) ||
	    sqlite3_prepare_v2(s->db, sql.s, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT " DEF_COLS " FROM definitions WHERE id = ?",
			       -1, &rq, NULL) != SQLITE_OK) {
		ret = fail(s, "definitions");
		goto out;
	}
	sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bg_def *d;
		int64_t root, rid;
		size_t icap = cap;

		if (!(out->defs = grow(out->arena, out->defs, out->n, &cap, sizeof *d)) ||
		    !(out->ids = grow(out->arena, out->ids, out->n, &icap, sizeof *out->ids)))
			break;
		d = &out->defs[out->n];
		root = def_from_row(out->arena, st, d, &out->ids[out->n]);
		out->n++;
		if (root < 0)
			break;
		if (root > 0) {
			bg_def *r = bg_arena_alloc(out->arena, sizeof *r);
			sqlite3_bind_int64(rq, 1, root);
			if (r && sqlite3_step(rq) == SQLITE_ROW &&
			    def_from_row(out->arena, rq, r, &rid) >= 0)
				d->root = r;
			sqlite3_reset(rq);
			if (!d->root) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
	}
	if (rc != SQLITE_DONE)
		ret = rc == SQLITE_ROW || rc == SQLITE_NOMEM ? BG_ERR_NOMEM : fail(s, "definitions");
out:
	sqlite3_finalize(st);
	sqlite3_finalize(rq);
	bg_buf_release(&sql);
	if (ret != BG_OK)
		bg_store_rows_release(out);
	return ret;
}

bg_status bg_store_defs_by_concept(bg_store *s, const char *concept,
				   bg_store_rows *out)
{
	return defs_where(s, "concept", concept, out);
}

bg_status bg_store_defs_by_term_key(bg_store *s, const char *key,
				    bg_store_rows *out)
{
	return defs_where(s, "term_key", key, out);
}

bg_status bg_store_measure_values(bg_store *s, const char *measure,
				  const char *kind, double **values, size_t *n)
{
	bg_buf sql = BG_BUF_INIT;
	sqlite3_stmt *st = NULL;
	double *v = NULL;
	size_t cap = 0, cnt = 0;
	bool known = false;
	int rc;

	*values = NULL;
	*n = 0;
	for (size_t i = 0; i < sizeof measure_cols / sizeof *measure_cols; i++)
		if (!strcmp(measure, measure_cols[i]))
			known = true;
	if (!known)
		return BG_ERR_USAGE;
	bg_buf_addf(&sql, "SELECT m.%s FROM provision_measures m JOIN regulations r"
		    " ON r.id = m.regulation_id WHERE r.latest = 1"
		    " AND (?1 IS NULL OR m.kind = ?1)", measure);
	if (!bg_buf_ok(&sql) ||
	    sqlite3_prepare_v2(s->db, sql.s, -1, &st, NULL) != SQLITE_OK) {
		bg_buf_release(&sql);
		return fail(s, "measures");
	}
	bg_buf_release(&sql);
	if (kind)
		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 1024;
			double *nv = realloc(v, nc * sizeof *nv);
			if (!nv)
				break;
			v = nv;
			cap = nc;
		}
		v[cnt++] = sqlite3_column_double(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return rc == SQLITE_ROW ? BG_ERR_NOMEM : fail(s, "measures");
	}
	if (cnt)
		qsort(v, cnt, sizeof *v, cmp_double);
	*values = v;
	*n = cnt;
	return BG_OK;
}

double bg_store_percentile(const double *v, size_t n, double x)
{
	size_t lo = 0, hi = n;

	if (!n)
		return 0;
	/* first index with v[i] > x */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (double)lo / (double)n;
}
