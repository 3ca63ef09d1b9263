/*
 * bg.h -- the public interface of begrip's core: status codes, string
 * buffers, the per-document arena, the BWB document tree, the streaming
 * reader and the corpus walker.
 *
 * Ownership rule, kept everywhere in begrip:
 *   - `const char *` results and every node, reference and string reached
 *     from a bg_doc BORROW from that document: they live exactly as long as
 *     the document and are freed, all at once, by bg_doc_free().
 *   - `char *` results belong to the caller, who frees them with free().
 *   - A bg_buf owns its memory; bg_buf_release() frees it.
 *
 * All text is UTF-8.  Text from the law is validated by libxml2 where it
 * enters (the reader) and is never trusted after that: renderers escape it
 * for their format.
 */
#ifndef BG_H
#define BG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "limits.h"

#ifndef BG_VERSION
#define BG_VERSION "0.1.0"
#endif

/* ---------------------------------------------------------------- status */

typedef enum bg_status {
	BG_OK = 0,
	BG_ERR_NOMEM,    /* allocation failed */
	BG_ERR_IO,       /* file could not be opened or read */
	BG_ERR_XML,      /* not well-formed XML, or bad encoding */
	BG_ERR_NOT_BWB,  /* well-formed, but not a BWB / officiële-publicaties document */
	BG_ERR_LIMIT,    /* a limit of limits.h was exceeded */
	BG_ERR_HOSTILE,  /* entity declarations or references, external DTD use */
	BG_ERR_USAGE,    /* bad command line or API use */
	BG_ERR_FORMAT    /* a data file (lexicon, draft, index) is malformed */
} bg_status;

/* Returns a static, lower-case name for a status ("ok", "not-xml", ...). */
const char *bg_status_name(bg_status st);

/* A diagnostic: where and what.  `file` and `message` are owned by the
 * diagnostic (see bg_diag_clear). line/column are 1-based, 0 when unknown. */
typedef struct bg_diag {
	bg_status status;
	char *file;
	unsigned line;
	unsigned column;
	char *message;
} bg_diag;

/* Sets a diagnostic (replacing any earlier one); printf-style message. */
void bg_diag_set(bg_diag *d, bg_status st, const char *file, unsigned line,
		 unsigned column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Frees what a diagnostic owns and zeroes it.  Safe on a zeroed diag. */
void bg_diag_clear(bg_diag *d);
/* Prints "FILE:LINE:COL: error: MESSAGE\n" on `out`. */
void bg_diag_print(const bg_diag *d, FILE *out);

/* ---------------------------------------------------------------- buffer */

/*
 * bg_buf: a growable byte string.  Invariants: `s` is never NULL (an
 * initialised empty buffer points at a static ""), s[len] == '\0', and len
 * never exceeds `cap_limit` when one is set (0 = BG_MAX_TEXT * 64).  A
 * failed allocation or a write past the limit sets `failed` once; later
 * writes are ignored, so callers check bg_buf_ok() once at the end.
 */
typedef struct bg_buf {
	char *s;
	size_t len;
	size_t alloc;
	size_t cap_limit;
	bool failed;
} bg_buf;

#define BG_BUF_INIT { (char *)bg_buf_empty, 0, 0, 0, false }
extern const char bg_buf_empty[1];

void bg_buf_init(bg_buf *b);
void bg_buf_release(bg_buf *b);           /* frees; buffer is re-initialised */
void bg_buf_clear(bg_buf *b);             /* len = 0, keeps memory */
void bg_buf_add(bg_buf *b, const char *p, size_t n);
void bg_buf_adds(bg_buf *b, const char *s);
void bg_buf_addc(bg_buf *b, char c);
void bg_buf_addf(bg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline bool bg_buf_ok(const bg_buf *b) { return !b->failed; }
/* Makes room for n more bytes (and the NUL) without writing them, so a
 * caller can fill b->s + b->len directly; false (and the buffer failed)
 * when out of memory or past the limit. */
bool bg_buf_reserve(bg_buf *b, size_t n);
/* Hands the string to the caller (who frees it) and re-initialises b.
 * Returns NULL if the buffer failed. */
char *bg_buf_detach(bg_buf *b);
/* s[0..n) into out (cleared first) with its ASCII capitals lowered and
 * every other byte, UTF-8 included, as it was: the text the trigger
 * patterns and the prefilters see. */
void bg_lower_ascii(const char *s, size_t n, bg_buf *out);

/* ----------------------------------------------------------------- arena */

/* A bump allocator: many small objects that all die together. */
typedef struct bg_arena bg_arena;

bg_arena *bg_arena_new(void);
void bg_arena_free(bg_arena *a);
/* Zeroed memory, 16-byte aligned; NULL on failure. */
void *bg_arena_alloc(bg_arena *a, size_t n);
/* For long runs over a corpus (util.c says why): bg_heap_prepare() once,
 * before any thread starts, keeps freed heap and blocks up to 32 MB in the
 * heap and grows the main heap in large steps; bg_heap_advise(), called
 * now and then from any thread, offers what the main heap has grown by to
 * transparent huge pages.  Both do nothing where
 * this does not apply. */
void bg_heap_prepare(void);
void bg_heap_advise(void);

/* FNV-1a of w[0..n): the hash of short keys (words, phrase words,
 * addresses, lexicon keys) in the hash tables of compare, components,
 * candidates, the lexicon uses and the stem cache. */
static inline uint32_t bg_word_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

/* A 64-bit hash of p[0..n) for hash tables (not for security), never 0;
 * eight bytes a step. */
uint64_t bg_hash_bytes(const void *p, size_t n);
/* bg_arena_alloc without the zeroing, for memory the caller fills at once. */
void *bg_arena_alloc_raw(bg_arena *a, size_t n);
/* Copies n bytes and adds a NUL; NULL on failure. */
char *bg_arena_strndup(bg_arena *a, const char *s, size_t n);
char *bg_arena_strdup(bg_arena *a, const char *s);
/* Bytes handed out so far (for memory accounting in tests). */
size_t bg_arena_used(const bg_arena *a);
/* Bytes of the blocks the arena holds: what it costs in memory. */
size_t bg_arena_held(const bg_arena *a);

/* ------------------------------------------------------------- documents */

typedef enum bg_dialect {
	BG_DIALECT_UNKNOWN = 0,
	BG_DIALECT_WETGEVING, /* 2012 dump: <wetgeving bwb-id soort> */
	BG_DIALECT_TOESTAND,  /* toestand 2015-1 / 2016-1 */
	BG_DIALECT_OP,        /* officiële publicaties: <officiele-publicatie> */
	BG_DIALECT_DRAFT      /* plain text / Markdown draft (see draft.c) */
} bg_dialect;

const char *bg_dialect_name(bg_dialect d);

typedef enum bg_node_kind {
	BG_N_ROOT = 0,   /* the regulation itself */
	BG_N_BOEK,
	BG_N_DEEL,
	BG_N_HOOFDSTUK,
	BG_N_TITELDEEL,
	BG_N_AFDELING,
	BG_N_PARAGRAAF,
	BG_N_SUBPARAGRAAF,
	BG_N_DIVISIE,    /* circulaire.divisie, divisie */
	BG_N_BIJLAGE,
	BG_N_ARTIKEL,    /* artikel, enig-artikel, wijzig-artikel */
	BG_N_LID,        /* lid, wijzig-lid */
	BG_N_LIJST,
	BG_N_LI,
	BG_N_DEFLIST,    /* definitielijst */
	BG_N_DEFITEM,    /* definitie-item */
	BG_N_DEFINITIE,  /* definitie (its text is in AL children) */
	BG_N_TERM,       /* term: text in node->text */
	BG_N_AL,         /* a text block: al, considerans.al, entry, tussenkop, wat, noot.al */
	BG_N__COUNT
} bg_node_kind;

/* Static element-like name of a kind ("artikel", "li", ...). */
const char *bg_node_kind_name(bg_node_kind k);
/* True for the containers above artikel level (boek .. bijlage). */
bool bg_node_kind_is_container(bg_node_kind k);

/* A reference (intref/extref, or one found in text by a later stage). */
typedef struct bg_ref {
	bool external;        /* extref (or another regulation) */
	const char *doc;      /* the raw target attribute, "" if none */
	const char *bwb_id;   /* target regulation, "" when not a BWB target */
	const char *artikel;  /* target article number, "" when none */
	const char *lid;      /* target lid, "" when none */
	const char *text;     /* anchor text, whitespace-normalised */
	unsigned line;        /* source line of the element */
	struct bg_node *node; /* the text block or heading owner it sits in */
} bg_ref;

/*
 * A node of the document tree.  Text lives only in BG_N_AL and BG_N_TERM
 * nodes (`text`, whitespace-normalised, inline markup flattened).  `nr` is
 * the number as printed with trailing dots/brackets removed ("1", "2a",
 * "b", "3°"), "" if none.  `address` is stable across versions of the same
 * regulation: "BWBR0018472/artikel=2/lid=1/li=a"; containers use their own
 * chain ("BWBR0018472/hoofdstuk=1/paragraaf=2").  Text blocks get the
 * address of their provision plus "/al=N".
 */
typedef struct bg_node {
	bg_node_kind kind;
	const char *nr;
	const char *label;    /* kop/label ("Artikel", "§", "Hoofdstuk"), "" if none */
	const char *heading;  /* kop/titel, "" if none */
	const char *text;     /* AL/TERM: the text; others "" */
	size_t text_len;
	const char *address;
	unsigned line;        /* source line of the start tag */
	unsigned depth;       /* element depth in the source */
	bool repealed;        /* status="vervallen" or text only "Vervallen" */
	unsigned ref_first;   /* refs of this text block: doc refs[ref_first..+ref_count) */
	unsigned ref_count;
	struct bg_node *parent;
	struct bg_node *first_child;
	struct bg_node *last_child;
	struct bg_node *next;
} bg_node;

/* Opaque document: one file, one arena. */
typedef struct bg_doc bg_doc;

typedef struct bg_read_opts {
	bool allow_op;        /* accept <officiele-publicatie> (bills) */
	const char *display_name; /* name used in diagnostics, default: path */
} bg_read_opts;

/*
 * Reads one BWB XML file (any of the three dialects, or an
 * officiële-publicaties document when opts->allow_op) with libxml2's
 * streaming reader.  Never touches the network, never loads a DTD or an
 * external entity, refuses entity declarations.
 *
 * On success returns BG_OK and stores a new document in *out (free with
 * bg_doc_free).  On failure returns the status, sets *out = NULL and fills
 * `diag` (file, line, column, one-line message).  opts may be NULL.
 */
bg_status bg_doc_read_file(const char *path, const bg_read_opts *opts,
			   bg_doc **out, bg_diag *diag);
/* Same from memory; `name` is used in diagnostics and for the date. */
bg_status bg_doc_read_memory(const char *data, size_t len, const char *name,
			     const bg_read_opts *opts, bg_doc **out,
			     bg_diag *diag);
void bg_doc_free(bg_doc *doc);

const char *bg_doc_path(const bg_doc *doc);
const char *bg_doc_bwb_id(const bg_doc *doc);   /* "" if unknown */
const char *bg_doc_soort(const bg_doc *doc);    /* "wet", "AMvB", ... or "" */
const char *bg_doc_title(const bg_doc *doc);    /* citeertitel, else intitule */
const char *bg_doc_intitule(const bg_doc *doc); /* "" if none */
/* Short title: citeertitel, or the "(...)" at the end of the intitule. */
const char *bg_doc_short_title(const bg_doc *doc);
/* Validity date YYYY-MM-DD from the file, else the file name, else "". */
const char *bg_doc_date(const bg_doc *doc);
bg_dialect bg_doc_dialect(const bg_doc *doc);
bg_node *bg_doc_root(const bg_doc *doc);
size_t bg_doc_ref_count(const bg_doc *doc);
const bg_ref *bg_doc_refs(const bg_doc *doc);   /* array of ref_count */
/* Alias titles / abbreviations from <alias-titels> (toestand files). */
size_t bg_doc_alias_count(const bg_doc *doc);
const char *bg_doc_alias(const bg_doc *doc, size_t i);
/* The document's arena: later stages allocate their per-document results
 * here so that they die with the document. */
bg_arena *bg_doc_arena(bg_doc *doc);
size_t bg_doc_node_count(const bg_doc *doc);

/*
 * Building a document by hand (draft readers, tests).  bg_doc_new makes an
 * empty document with a root node; nodes are appended under `parent`
 * (NULL = root) with their strings copied into the document's arena;
 * bg_doc_finish gives every node its address and repeal mark, as the XML
 * reader does.  Returns NULL / a status on failure.
 */
bg_doc *bg_doc_new(const char *path, bg_dialect dialect);
bg_status bg_doc_set_meta(bg_doc *doc, const char *bwb_id, const char *soort,
			  const char *title, const char *date);
bg_node *bg_doc_add_node(bg_doc *doc, bg_node *parent, bg_node_kind kind,
			 const char *nr, const char *heading, const char *text,
			 unsigned line);
/* A reference inside text node `in` (an AL); target in jci or 1.0 form. */
bg_status bg_doc_add_ref(bg_doc *doc, bg_node *in, bool external,
			 const char *target, const char *anchor);
bg_status bg_doc_finish(bg_doc *doc);

/* Pre-order walk: the next node after n below `top`, or NULL. */
bg_node *bg_node_next(const bg_node *top, const bg_node *n);
/* Nearest ancestor (or n itself) of kind k, or NULL. */
bg_node *bg_node_ancestor(const bg_node *n, bg_node_kind k);
/* The provision a node belongs to: nearest LI, LID or ARTIKEL. */
bg_node *bg_node_provision(const bg_node *n);
/* Appends the text of all AL/TERM nodes below n (inclusive), joined by
 * single spaces, to b. */
void bg_node_text(const bg_node *n, bg_buf *b);
/* Writes the wetten.overheid.nl link of a node (jci 1.3) to b. */
void bg_node_link(const bg_doc *doc, const bg_node *n, bg_buf *b);
/* Number of whitespace-separated words in s[0..n). */
size_t bg_count_words(const char *s, size_t n);

/* ---------------------------------------------------------- references */

/*
 * Parses a reference target in either form:
 *   jci1.3:c:BWBR0018472&hoofdstuk=1&paragraaf=2&artikel=8&lid=1&z=...&g=...
 *   1.0:v:BWBR0015703&artikel=40
 * into regulation id, artikel and lid (each written NUL-terminated into the
 * given buffers of `cap` bytes, "" when absent).  Returns true when a BWB
 * id (BWBR/BWBV/BWBW + 7 digits) was found.
 */
bool bg_ref_parse_target(const char *doc, char *bwb_id, char *artikel,
			 char *lid, size_t cap);
/* True when s is a BWB regulation id. */
bool bg_is_bwb_id(const char *s);

/* --------------------------------------------------------------- corpus */

/* A sorted list of input files (PATHs expanded: directories recursively,
 * *.xml only).  Unreadable paths are reported in `errors`. */
typedef struct bg_filelist {
	char **paths;
	size_t count;
	size_t alloc;
} bg_filelist;

/* Expands PATH arguments; returns the number of paths that could not be
 * read (each reported on stderr as "PATH: error: ..."). */
size_t bg_filelist_expand(bg_filelist *fl, char *const *paths, size_t n);
void bg_filelist_release(bg_filelist *fl);

/*
 * Runs `fn` on every file with `jobs` worker threads (1 = in the calling
 * thread).  fn is called with the file index and must write its result into
 * its own slot of caller-owned storage: calls for different indices run
 * concurrently.  Shows "begrip: N/M files" progress on stderr when stderr is
 * a terminal and `progress` is true.
 */
typedef void (*bg_map_fn)(size_t index, const char *path, void *ctx);
void bg_corpus_map(const bg_filelist *fl, unsigned jobs, bool progress,
		   bg_map_fn fn, void *ctx);
/* Default job count: the number of online CPUs, at most BG_MAX_JOBS. */
unsigned bg_default_jobs(void);

/* ------------------------------------------------------------- env/paths */

/* Corpus path: $BEGRIP_CORPUS, else "corpora". */
const char *bg_default_corpus(void);

#endif
