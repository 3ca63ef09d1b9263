/*
 * reader.c -- BWB XML (three dialects) and officiële-publicaties XML into
 * the document tree of bg.h, with libxml2's SAX2 parser.
 *
 * Dialects (see corpora/README.md of the shared corpus):
 *   - 2012 dump   <wetgeving bwb-id soort> with a DOCTYPE naming a remote
 *                 DTD that is never fetched;
 *   - toestand    <toestand bwb-id inwerkingtreding> (2015-1 and 2016-1),
 *                 whose <meta-data> blocks sit inside many elements;
 *   - OP          <officiele-publicatie> (Staatsblad, Kamerstuk), accepted
 *                 only when the caller asks for it.
 *
 * The reader never builds a DOM: libxml2 calls back for each start tag,
 * end tag and run of character data (SAX2), which costs about half of
 * what its xmlTextReader costs, since the latter builds and frees a DOM
 * node per event.  The reader keeps a stack of open elements and
 * turns structural elements into nodes, text blocks (al, entry, term, ...)
 * into text nodes with inline markup flattened and whitespace collapsed,
 * kop/nr/titel into the numbers and headings of their owner, and every
 * intref/extref into a bg_ref.  Subtrees that are not law text (meta-data,
 * jcis, OP metadata, illustrations) are skipped by counting their depth.
 *
 * Safety: libxml2 is driven with XML_PARSE_NONET and without NOENT,
 * DTDLOAD, DTDATTR, XINCLUDE or HUGE, and with no SAX callback that could
 * resolve or load anything (externalSubset, resolveEntity, getEntity are
 * NULL), so no DTD or external entity is ever loaded; the first entity
 * declaration of an internal subset stops the parse (refused), and so does
 * any entity reference other than the five predefined ones.  Attributes
 * defaulted by an internal-subset ATTLIST are ignored, as without DTDATTR.
 * Limits come from limits.h.
 */
#include "bg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

struct bg_doc {
	bg_arena *arena;
	const char *path;
	const char *bwb_id;
	const char *soort;
	const char *title;
	const char *intitule;
	const char *citeertitel;
	const char *short_title;
	const char *date;
	bg_dialect dialect;
	bg_node *root;
	bg_ref *refs;          /* malloc'd, grows */
	size_t nrefs, refs_alloc;
	const char **aliases;  /* malloc'd, grows */
	size_t naliases, aliases_alloc;
	size_t nnodes;
};

/* ---------------------------------------------------------------- tags */

enum tag {
	T_OTHER = 0,
	/* roots */
	T_WETGEVING, T_TOESTAND, T_OP,
	/* structure */
	T_BOEK, T_DEEL, T_HOOFDSTUK, T_TITELDEEL, T_AFDELING, T_PARAGRAAF,
	T_SUBPARAGRAAF, T_DIVISIE, T_CDIVISIE, T_BIJLAGE, T_ARTIKEL,
	T_ENIG_ARTIKEL, T_WIJZIG_ARTIKEL, T_LID, T_WIJZIG_LID, T_LIJST, T_LI,
	T_DEFLIST, T_DEFITEM, T_DEFINITIE,
	/* text blocks */
	T_AL, T_CONS_AL, T_ENTRY, T_TUSSENKOP, T_WAT, T_NOOT_AL, T_CONTEXT_AL,
	T_TERM,
	/* headings and numbers */
	T_KOP, T_LABEL, T_NR, T_TITEL, T_SUBTITEL, T_LIDNR, T_LINR,
	/* titles */
	T_INTITULE, T_CITEERTITEL, T_ALIAS_TITEL, T_DOSSIER,
	/* references */
	T_INTREF, T_EXTREF,
	/* skipped subtrees */
	T_META_DATA, T_JCIS, T_INPUTBESTAND, T_WIJZIGINGEN, T_CORRECTIES,
	T_PLAATJE, T_ILLUSTRATIE, T_METADATA, T_NOTA_TOELICHTING, T_NOOTREF,
	T_NOOT, T_META,
	T__COUNT
};

static const char *const tag_names[T__COUNT] = {
	[T_OTHER] = "",
	[T_WETGEVING] = "wetgeving", [T_TOESTAND] = "toestand",
	[T_OP] = "officiele-publicatie",
	[T_BOEK] = "boek", [T_DEEL] = "deel", [T_HOOFDSTUK] = "hoofdstuk",
	[T_TITELDEEL] = "titeldeel", [T_AFDELING] = "afdeling",
	[T_PARAGRAAF] = "paragraaf", [T_SUBPARAGRAAF] = "sub-paragraaf",
	[T_DIVISIE] = "divisie", [T_CDIVISIE] = "circulaire.divisie",
	[T_BIJLAGE] = "bijlage", [T_ARTIKEL] = "artikel",
	[T_ENIG_ARTIKEL] = "enig-artikel", [T_WIJZIG_ARTIKEL] = "wijzig-artikel",
	[T_LID] = "lid", [T_WIJZIG_LID] = "wijzig-lid", [T_LIJST] = "lijst",
	[T_LI] = "li", [T_DEFLIST] = "definitielijst",
	[T_DEFITEM] = "definitie-item", [T_DEFINITIE] = "definitie",
	[T_AL] = "al", [T_CONS_AL] = "considerans.al", [T_ENTRY] = "entry",
	[T_TUSSENKOP] = "tussenkop", [T_WAT] = "wat", [T_NOOT_AL] = "noot.al",
	[T_CONTEXT_AL] = "context.al", [T_TERM] = "term",
	[T_KOP] = "kop", [T_LABEL] = "label", [T_NR] = "nr", [T_TITEL] = "titel",
	[T_SUBTITEL] = "subtitel", [T_LIDNR] = "lidnr", [T_LINR] = "li.nr",
	[T_INTITULE] = "intitule", [T_CITEERTITEL] = "citeertitel",
	[T_ALIAS_TITEL] = "alias-titel", [T_DOSSIER] = "dossier",
	[T_INTREF] = "intref", [T_EXTREF] = "extref",
	[T_META_DATA] = "meta-data", [T_JCIS] = "jcis",
	[T_INPUTBESTAND] = "bwb-inputbestand",
	[T_WIJZIGINGEN] = "bwb-wijzigingen",
	[T_CORRECTIES] = "redactionele-correcties", [T_PLAATJE] = "plaatje",
	[T_ILLUSTRATIE] = "illustratie", [T_METADATA] = "metadata",
	[T_NOTA_TOELICHTING] = "nota-toelichting", [T_NOOTREF] = "nootref",
	[T_NOOT] = "noot",
	[T_META] = "meta",
};

static bg_node_kind tag_kind(enum tag t)
{
	switch (t) {
	case T_BOEK: return BG_N_BOEK;
	case T_DEEL: return BG_N_DEEL;
	case T_HOOFDSTUK: return BG_N_HOOFDSTUK;
	case T_TITELDEEL: return BG_N_TITELDEEL;
	case T_AFDELING: return BG_N_AFDELING;
	case T_PARAGRAAF: return BG_N_PARAGRAAF;
	case T_SUBPARAGRAAF: return BG_N_SUBPARAGRAAF;
	case T_DIVISIE: case T_CDIVISIE: return BG_N_DIVISIE;
	case T_BIJLAGE: return BG_N_BIJLAGE;
	case T_ARTIKEL: case T_ENIG_ARTIKEL: case T_WIJZIG_ARTIKEL:
		return BG_N_ARTIKEL;
	case T_LID: case T_WIJZIG_LID: return BG_N_LID;
	case T_LIJST: return BG_N_LIJST;
	case T_LI: return BG_N_LI;
	case T_DEFLIST: return BG_N_DEFLIST;
	case T_DEFITEM: return BG_N_DEFITEM;
	case T_DEFINITIE: return BG_N_DEFINITIE;
	default: return BG_N_ROOT; /* not structural */
	}
}

static bool tag_is_text_block(enum tag t)
{
	return t >= T_AL && t <= T_TERM;
}

static bool tag_is_skipped(enum tag t)
{
	return t >= T_META_DATA && t <= T_META;
}

/* Element names are interned in the reader's dictionary, so a tag is found
 * by pointer: a small open-addressing table from name pointer to tag. */
#define TAGTAB 256
struct tagtab {
	const xmlChar *key[TAGTAB];
	unsigned char val[TAGTAB];
};

static unsigned ptr_hash(const void *p)
{
	uintptr_t v = (uintptr_t)p;
	v ^= v >> 17;
	v *= 0x9E3779B97F4A7C15ull;
	return (unsigned)(v >> 56) & (TAGTAB - 1);
}

static void tagtab_init(struct tagtab *tt, xmlDictPtr dict)
{
	memset(tt, 0, sizeof *tt);
	for (int t = 1; t < T__COUNT; t++) {
		const xmlChar *k = xmlDictLookup(dict, BAD_CAST tag_names[t], -1);
		unsigned h;

		if (!k)
			continue;
		for (h = ptr_hash(k); tt->key[h]; h = (h + 1) & (TAGTAB - 1))
			;
		tt->key[h] = k;
		tt->val[h] = (unsigned char)t;
	}
}

static enum tag tagtab_find(const struct tagtab *tt, const xmlChar *name)
{
	for (unsigned h = ptr_hash(name); tt->key[h]; h = (h + 1) & (TAGTAB - 1))
		if (tt->key[h] == name)
			return (enum tag)tt->val[h];
	return T_OTHER;
}

/* --------------------------------------------------------------- state */

enum frame_type {
	FR_OTHER,     /* transparent element */
	FR_NODE,      /* structural node */
	FR_TEXT,      /* outermost text block */
	FR_INNER,     /* text block nested in another one */
	FR_KOP,
	FR_KOPPART,   /* kop/label, kop/nr, kop/titel, kop/subtitel */
	FR_NR,        /* lidnr, li.nr */
	FR_TITLE,     /* intitule, citeertitel, alias-titel */
	FR_REF
};

struct frame {
	enum frame_type type;
	enum tag tag;
	bg_node *node;      /* FR_NODE: the node; FR_KOP*: the owner */
	bg_buf *prev_cap;   /* capture buffer to restore on end */
	size_t mark;        /* FR_REF: anchor start in capture; FR_TEXT: first ref */
	size_t ref;         /* FR_REF: index in doc->refs */
};

struct state {
	xmlParserCtxtPtr ctxt;
	const xmlChar **attrs; /* attributes of the current start tag: 5 per */
	int nattrs;
	int skip;             /* > 0: inside a skipped subtree, its depth */
	int op_meta;          /* > 0: inside OP <metadata>, its depth */
	struct tagtab tags;
	bg_doc *doc;
	const char *name;     /* for diagnostics */
	bg_diag *diag;
	bg_status err;
	struct frame stack[BG_MAX_DEPTH + 2];
	int depth;
	bg_node *cur;         /* innermost open structural node */
	bg_buf *cap;          /* where character data goes, NULL = dropped */
	bool pending_space;
	bg_buf text;          /* text block being read */
	bg_buf small;         /* kop parts and numbers */
	bg_buf title;         /* intitule / citeertitel */
	bool seen_root;
	bool got_wetgeving_soort;
	bool xml_error;       /* the structured handler fired */
	bool allow_op;        /* <officiele-publicatie> is a valid root */
};

static void fail(struct state *s, bg_status st, const char *fmt, const char *arg)
{
	if (s->err)
		return;
	s->err = st;
	bg_diag_set(s->diag, st, s->name, (unsigned)xmlSAX2GetLineNumber(s->ctxt),
		    (unsigned)xmlSAX2GetColumnNumber(s->ctxt), fmt, arg);
	/* No xmlStopParser() here: it frees the input buffer that the
	 * current callback's attributes and text point into, and libxml2
	 * 2.9 itself still reads that buffer after a characters callback
	 * returns (found by fuzzing).  The callbacks ignore everything after
	 * an error instead; the parse runs on to the end of the input, which
	 * libxml2's own limits bound. */
}

static void xml_error_handler(void *ctx, xmlErrorPtr e)
{
	struct state *s = ctx;

	if (!e || e->level < XML_ERR_ERROR || s->err)
		return;
	s->xml_error = true;
	s->err = BG_ERR_XML;
	if (e->domain == XML_FROM_IO || e->code == XML_ERR_ENTITY_LOOP ||
	    e->code == XML_ERR_ENTITY_PE_INTERNAL || e->code == XML_ERR_UNDECLARED_ENTITY)
		s->err = BG_ERR_HOSTILE;
	if (e->code == XML_ERR_INTERNAL_ERROR && e->message && strstr(e->message, "Huge"))
		s->err = BG_ERR_LIMIT;
	/* errors raised outside the parser (encoding) carry no position */
	if (e->line > 0)
		bg_diag_set(s->diag, s->err, s->name, (unsigned)e->line,
			    (unsigned)(e->int2 > 0 ? e->int2 : 0), "%s",
			    e->message ? e->message : "XML error");
	else
		bg_diag_set(s->diag, s->err, s->name,
			    (unsigned)xmlSAX2GetLineNumber(s->ctxt),
			    (unsigned)xmlSAX2GetColumnNumber(s->ctxt), "%s",
			    e->message ? e->message : "XML error");
}

/* Appends character data, collapsing XML white space and no-break spaces
 * into single spaces and dropping leading white space.  The output is
 * never longer than the input plus one pending space, so room for that is
 * made once and the bytes are written directly. */
/* add_text copies text in blocks of this many bytes where it can */
#define BLOCK 16

static void add_text(struct state *s, const char *p, size_t n)
{
	bg_buf *b = s->cap;
	size_t limit = b->cap_limit ? b->cap_limit : (size_t)BG_MAX_TEXT * 64;
	char *o, *start;
	bool pending = s->pending_space, wide;

	if (b->failed || n + 1 > limit - b->len) {
		/* near the limit: byte by byte, so that the limit applies to the
		 * collapsed text */
		for (size_t i = 0; i < n && !b->failed; i++) {
			unsigned char c = (unsigned char)p[i];
			if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
				pending = true;
			} else if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0) {
				pending = true;
				i++;
			} else {
				if (pending && b->len)
					bg_buf_addc(b, ' ');
				pending = false;
				bg_buf_addc(b, (char)c);
			}
		}
		s->pending_space = pending;
		if (b->failed)
			fail(s, BG_ERR_LIMIT, "text block longer than %s bytes", "1048576");
		return;
	}
	/* room for n + 1 bytes (a space and the text at most), and for the
	 * 16-byte stores of the blocks below when the limit allows */
	wide = n + 1 + BLOCK <= limit - b->len;
	if (!bg_buf_reserve(b, wide ? n + 1 + BLOCK : n + 1)) {
		fail(s, BG_ERR_LIMIT, "text block longer than %s bytes", "1048576");
		return;
	}
	start = b->s;
	o = b->s + b->len;
	for (size_t i = 0; i < n;) {
		unsigned char c;
#ifdef __SSE2__
		/* 16 bytes at a time: white space opening the block is skipped
		 * (a space is pending); else the part before the first white
		 * space other than a single space, or before the first U+00A0
		 * lead byte, goes out as it came in (a space before it if one
		 * is pending, its own last space kept pending), and the byte
		 * there takes the step below */
		if (wide && n - i >= BLOCK) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
			unsigned ws = sp | (unsigned)_mm_movemask_epi8(_mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
					     _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
				_mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
			unsigned bad;
			size_t k;

			if (ws & 1) {
				pending = true;
				i += ws == 0xFFFF ? BLOCK : (size_t)__builtin_ctz(~ws);
				continue;
			}
			bad = (ws & ~sp) | (sp & (sp >> 1)) | (unsigned)_mm_movemask_epi8(
				_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
			k = bad ? (size_t)__builtin_ctz(bad) : BLOCK;
			if (k) {
				if (pending && o != start)
					*o++ = ' ';
				_mm_storeu_si128((__m128i *)(void *)o, v);
				pending = (sp >> (k - 1)) & 1;
				o += pending ? k - 1 : k;
				i += k;
				continue;
			}
		}
#endif
		/* one character */
		c = (unsigned char)p[i++];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			pending = true;
		} else if (c == 0xC2 && i < n && (unsigned char)p[i] == 0xA0) {
			pending = true;
			i++;
		} else {
			if (pending && o != start)
				*o++ = ' ';
			pending = false;
			*o++ = (char)c;
		}
	}
	s->pending_space = pending;
	b->len = (size_t)(o - start);
	b->s[b->len] = '\0';
}

static const char *arena_str(struct state *s, const char *p, size_t n)
{
	char *r = bg_arena_strndup(s->doc->arena, p, n);

	if (!r)
		fail(s, BG_ERR_NOMEM, "%s", "out of memory");
	return r ? r : "";
}

/* Trims the decoration of a printed number: "1.", "(a)", "2°.", "I." */
static const char *clean_nr(struct state *s, const char *p, size_t n)
{
	while (n && (*p == '(' || *p == ' ' || *p == '['))
		p++, n--;
	while (n && (p[n - 1] == '.' || p[n - 1] == ')' || p[n - 1] == ' ' ||
		     p[n - 1] == ':' || p[n - 1] == ']' || p[n - 1] == ','))
		n--;
	return arena_str(s, p, n);
}

static bg_node *new_node(struct state *s, bg_node_kind k)
{
	bg_doc *d = s->doc;
	bg_node *n;

	if (d->nnodes >= BG_MAX_NODES) {
		fail(s, BG_ERR_LIMIT, "more than %s elements", "4000000");
		return NULL;
	}
	n = bg_arena_alloc(d->arena, sizeof *n);
	if (!n) {
		fail(s, BG_ERR_NOMEM, "%s", "out of memory");
		return NULL;
	}
	d->nnodes++;
	n->kind = k;
	n->nr = n->label = n->heading = n->text = n->address = "";
	n->line = (unsigned)xmlSAX2GetLineNumber(s->ctxt);
	n->depth = (unsigned)s->depth;
	n->parent = s->cur;
	if (s->cur) {
		if (s->cur->last_child)
			s->cur->last_child->next = n;
		else
			s->cur->first_child = n;
		s->cur->last_child = n;
	}
	return n;
}

/* Reads an attribute of the current start tag with a length limit; the
 * result is the caller's (xmlFree) or NULL.  Without entity substitution
 * libxml2 hands "&amp;" in an attribute value on as "&#38;" (every other
 * reference is already decoded), so that is decoded here, as libxml2's
 * own tree builder does. */
static xmlChar *get_attr(struct state *s, const char *name)
{
	for (int i = 0; i < s->nattrs; i++) {
		const xmlChar **a = s->attrs + 5 * i;
		const char *v = (const char *)a[3], *end = (const char *)a[4];
		xmlChar *out, *o;

		if (strcmp((const char *)a[0], name) || a[1])
			continue;
		out = o = xmlMalloc((size_t)(end - v) + 1);
		if (!out) {
			fail(s, BG_ERR_NOMEM, "%s", "out of memory");
			return NULL;
		}
		while (v < end) {
			if (*v == '&' && end - v >= 5 && !memcmp(v, "&#38;", 5)) {
				*o++ = '&';
				v += 5;
			} else {
				*o++ = (xmlChar)*v++;
			}
		}
		*o = '\0';
		if ((size_t)(o - out) > BG_MAX_ATTR) {
			fail(s, BG_ERR_LIMIT, "attribute %s longer than 4096 bytes", name);
			xmlFree(out);
			return NULL;
		}
		return out;
	}
	return NULL;
}

static const char *attr_str(struct state *s, const char *name)
{
	xmlChar *v = get_attr(s, name);
	const char *r;

	if (!v)
		return NULL;
	r = arena_str(s, (const char *)v, strlen((const char *)v));
	xmlFree(v);
	return r;
}

static void add_ref(struct state *s, bool external)
{
	bg_doc *d = s->doc;
	bg_ref *ref;
	xmlChar *docattr, *bwb;
	char id[BG_MAX_ATTR + 1], art[BG_MAX_ATTR + 1], lid[BG_MAX_ATTR + 1];

	if (d->nrefs == d->refs_alloc) {
		size_t n = d->refs_alloc ? d->refs_alloc * 2 : 64;
		bg_ref *p = realloc(d->refs, n * sizeof *p);
		if (!p) {
			fail(s, BG_ERR_NOMEM, "%s", "out of memory");
			return;
		}
		d->refs = p;
		d->refs_alloc = n;
	}
	ref = &d->refs[d->nrefs++];
	memset(ref, 0, sizeof *ref);
	ref->external = external;
	ref->line = (unsigned)xmlSAX2GetLineNumber(s->ctxt);
	ref->node = s->cur;
	ref->text = "";
	docattr = get_attr(s, "doc");
	bwb = get_attr(s, "bwb-id");
	ref->doc = docattr ? arena_str(s, (const char *)docattr, strlen((const char *)docattr)) : "";
	bg_ref_parse_target(ref->doc, id, art, lid, sizeof id);
	if (!id[0] && bwb && bg_is_bwb_id((const char *)bwb))
		snprintf(id, sizeof id, "%s", (const char *)bwb);
	ref->bwb_id = arena_str(s, id, strlen(id));
	ref->artikel = arena_str(s, art, strlen(art));
	ref->lid = arena_str(s, lid, strlen(lid));
	xmlFree(docattr);
	xmlFree(bwb);
}

static void set_capture(struct state *s, struct frame *f, bg_buf *b)
{
	f->prev_cap = s->cap;
	s->cap = b;
	if (b) {
		bg_buf_clear(b);
		s->pending_space = false;
	}
}

static void root_start(struct state *s, enum tag t)
{
	bg_doc *d = s->doc;
	const char *v;

	s->seen_root = true;
	if (t == T_WETGEVING)
		d->dialect = BG_DIALECT_WETGEVING;
	else if (t == T_TOESTAND)
		d->dialect = BG_DIALECT_TOESTAND;
	else
		d->dialect = BG_DIALECT_OP;
	if ((v = attr_str(s, "bwb-id")))
		d->bwb_id = v;
	if (t == T_WETGEVING && (v = attr_str(s, "soort"))) {
		d->soort = v;
		s->got_wetgeving_soort = true;
	}
	if (t == T_TOESTAND && (v = attr_str(s, "inwerkingtreding")))
		d->date = v;
	s->cur = d->root = new_node(s, BG_N_ROOT);
}

/* OP documents carry their identity in <metadata><meta name content>:
 * called for every start tag inside <metadata>. */
static void op_metadata(struct state *s)
{
	xmlChar *name = get_attr(s, "name");
	xmlChar *content = get_attr(s, "content");

	if (name && content && content[0]) {
		if (!strcmp((char *)name, "DC.identifier") && !s->doc->bwb_id[0])
			s->doc->bwb_id = arena_str(s, (char *)content, strlen((char *)content));
		else if (!strcmp((char *)name, "DC.type") && !s->doc->soort[0])
			s->doc->soort = arena_str(s, (char *)content, strlen((char *)content));
		else if (!strcmp((char *)name, "OVERHEIDop.datumOndertekening") && !s->doc->date[0])
			s->doc->date = arena_str(s, (char *)content, strlen((char *)content));
	}
	xmlFree(name);
	xmlFree(content);
}

/* Handles a start tag.  Returns true when the element's subtree must be
 * skipped. */
static bool element_start(struct state *s, const xmlChar *lname)
{
	enum tag t = lname ? tagtab_find(&s->tags, lname) : T_OTHER;
	struct frame *f;

	if (!s->seen_root) {
		if (t != T_WETGEVING && t != T_TOESTAND &&
		    !(t == T_OP && s->allow_op)) {
			fail(s, BG_ERR_NOT_BWB, "not a BWB document: root element <%s>",
			     lname ? (const char *)lname : "?");
			return true;
		}
		root_start(s, t);
	} else if (tag_is_skipped(t)) {
		if (t == T_METADATA && s->doc->dialect == BG_DIALECT_OP)
			s->op_meta = 1; /* its start tags go to op_metadata() */
		return true;
	}
	if (s->depth >= BG_MAX_DEPTH) {
		fail(s, BG_ERR_LIMIT, "elements nested deeper than %s", "128");
		return true;
	}
	if (t == T_WETGEVING && !s->got_wetgeving_soort) {
		const char *v = attr_str(s, "soort");
		if (v) {
			s->doc->soort = v;
			s->got_wetgeving_soort = true;
		}
	}

	f = &s->stack[++s->depth];
	memset(f, 0, sizeof *f);
	f->tag = t;
	f->type = FR_OTHER;
	f->prev_cap = s->cap;

	if (s->depth == 1) {
		f->type = FR_NODE;
		f->node = s->doc->root;
	} else if (t == T_INTREF || t == T_EXTREF) {
		f->type = FR_REF;
		f->ref = s->doc->nrefs;
		f->mark = s->cap ? s->cap->len : 0;
		add_ref(s, t == T_EXTREF);
	} else if (s->cap == &s->text) {
		/* inside a text block: everything is inline, a nested block
		 * only separates words */
		if (tag_is_text_block(t) || tag_kind(t) != BG_N_ROOT) {
			f->type = FR_INNER;
			s->pending_space = true;
		}
	} else if (tag_is_text_block(t)) {
		f->type = FR_TEXT;
		f->mark = s->doc->nrefs;
		set_capture(s, f, &s->text);
	} else if (tag_kind(t) != BG_N_ROOT) {
		bg_node *n = new_node(s, tag_kind(t));
		const char *st;

		if (!n)
			return true;
		f->type = FR_NODE;
		f->node = n;
		s->cur = n;
		st = n->kind == BG_N_ARTIKEL || n->kind == BG_N_LID || n->kind == BG_N_LI ||
		     n->kind == BG_N_BIJLAGE || bg_node_kind_is_container(n->kind)
			? attr_str(s, "status") : NULL;
		if (st && !strcmp(st, "vervallen"))
			n->repealed = true;
		if (n->kind == BG_N_ARTIKEL) {
			const char *lab = attr_str(s, "label");
			if (lab)
				n->label = lab;
		}
	} else if (t == T_KOP && s->cur && s->cur->kind != BG_N_ROOT) {
		f->type = FR_KOP;
		f->node = s->cur;
	} else if ((t == T_LABEL || t == T_NR || t == T_TITEL || t == T_SUBTITEL) &&
		   s->stack[s->depth - 1].type == FR_KOP) {
		f->type = FR_KOPPART;
		f->node = s->stack[s->depth - 1].node;
		set_capture(s, f, &s->small);
	} else if ((t == T_LIDNR || t == T_LINR) && s->cur) {
		f->type = FR_NR;
		f->node = s->cur;
		set_capture(s, f, &s->small);
	} else if ((t == T_INTITULE && !s->doc->intitule[0]) ||
		   (t == T_CITEERTITEL && !s->doc->citeertitel[0]) ||
		   t == T_ALIAS_TITEL ||
		   /* a Kamerstuk has no intitule: its dossier's title names it */
		   (t == T_TITEL && s->doc->dialect == BG_DIALECT_OP && !s->doc->intitule[0] &&
		    s->stack[s->depth - 1].tag == T_DOSSIER)) {
		f->type = FR_TITLE;
		set_capture(s, f, &s->title);
	}
	return false;
}

static bool text_is_repeal(const char *t)
{
	/* "Vervallen", "[Vervallen]", "Vervallen.", "[Vervallen per 01-01-2012]" */
	while (*t == '[' || *t == ' ')
		t++;
	if (strncmp(t, "Vervallen", 9) && strncmp(t, "vervallen", 9))
		return false;
	t += 9;
	if (!strncmp(t, " per ", 5)) {
		t += 5;
		while ((*t >= '0' && *t <= '9') || *t == '-' || *t == '.')
			t++;
	}
	while (*t == ']' || *t == '.' || *t == ' ')
		t++;
	return *t == '\0';
}

static void append_alias(struct state *s, const char *a)
{
	bg_doc *d = s->doc;

	if (d->naliases == d->aliases_alloc) {
		size_t n = d->aliases_alloc ? d->aliases_alloc * 2 : 8;
		const char **p = realloc(d->aliases, n * sizeof *p);
		if (!p) {
			fail(s, BG_ERR_NOMEM, "%s", "out of memory");
			return;
		}
		d->aliases = p;
		d->aliases_alloc = n;
	}
	d->aliases[d->naliases++] = a;
}

static void element_end(struct state *s)
{
	struct frame *f;
	bg_doc *d = s->doc;

	if (s->depth <= 0)
		return;
	f = &s->stack[s->depth];
	switch (f->type) {
	case FR_NODE:
		if (f->node && f->node->parent)
			s->cur = f->node->parent;
		break;
	case FR_INNER:
		s->pending_space = true;
		break;
	case FR_TEXT: {
		bg_node *n = new_node(s, f->tag == T_TERM ? BG_N_TERM : BG_N_AL);
		if (n) {
			n->text = arena_str(s, s->text.s, s->text.len);
			n->text_len = s->text.len;
			n->ref_first = (unsigned)f->mark;
			n->ref_count = (unsigned)(d->nrefs - f->mark);
			for (size_t i = f->mark; i < d->nrefs; i++)
				d->refs[i].node = n;
		}
		s->cap = f->prev_cap;
		break;
	}
	case FR_KOPPART: {
		const char *v = f->tag == T_NR
			? clean_nr(s, s->small.s, s->small.len)
			: arena_str(s, s->small.s, s->small.len);
		if (f->tag == T_LABEL)
			f->node->label = v;
		else if (f->tag == T_NR)
			f->node->nr = v;
		else if (f->tag == T_TITEL)
			f->node->heading = v;
		else if (!f->node->heading[0])
			f->node->heading = v;
		s->cap = f->prev_cap;
		break;
	}
	case FR_NR:
		if (!f->node->nr[0])
			f->node->nr = clean_nr(s, s->small.s, s->small.len);
		s->cap = f->prev_cap;
		break;
	case FR_TITLE: {
		const char *v = arena_str(s, s->title.s, s->title.len);
		if (f->tag == T_INTITULE || f->tag == T_TITEL)
			d->intitule = v;
		else if (f->tag == T_CITEERTITEL)
			d->citeertitel = v;
		else if (v[0])
			append_alias(s, v);
		s->cap = f->prev_cap;
		break;
	}
	case FR_REF:
		if (f->ref < d->nrefs && s->cap && s->cap->len >= f->mark) {
			const char *a = s->cap->s + f->mark;
			size_t n = s->cap->len - f->mark;
			while (n && *a == ' ')
				a++, n--;
			d->refs[f->ref].text = arena_str(s, a, n);
		}
		break;
	case FR_KOP:
	case FR_OTHER:
		break;
	}
	s->depth--;
}

/* ------------------------------------------------------------ finishing */

static void addr_join(struct state *s, bg_node *n, const char *base,
		      const char *key, const char *nr, unsigned ordinal)
{
	bg_buf b = BG_BUF_INIT;

	bg_buf_adds(&b, base);
	bg_buf_addc(&b, '/');
	bg_buf_adds(&b, key);
	bg_buf_addc(&b, '=');
	if (nr[0]) {
		/* keep addresses one token: spaces become '_' */
		for (const char *p = nr; *p; p++)
			bg_buf_addc(&b, *p == ' ' || *p == '/' ? '_' : *p);
	} else {
		bg_buf_addf(&b, "~%u", ordinal);
	}
	n->address = bg_buf_ok(&b) ? arena_str(s, b.s, b.len) : "";
	bg_buf_release(&b);
}

static bool node_all_text_repeal(const bg_node *n)
{
	bool any = false;

	for (const bg_node *c = n->first_child; c; c = bg_node_next(n, c)) {
		if (c->kind == BG_N_AL) {
			if (!text_is_repeal(c->text))
				return false;
			any = true;
		} else if (c->kind == BG_N_TERM) {
			return false;
		}
	}
	return any;
}

/* True when the last word of an article label is a number: it has a
 * digit ("3a", "1:2"), is a Roman numeral ("IV") or a single letter. */
static bool label_number(const char *w)
{
	bool roman = *w != '\0';

	if (w[0] && !w[1])
		return true;
	for (const char *p = w; *p; p++) {
		if (*p >= '0' && *p <= '9')
			return true;
		if (!strchr("IVXLCDM", *p))
			roman = false;
	}
	return roman;
}

/* Gives every node its address and nr fallback, marks repeals by text. */
static void finish_node(struct state *s, bg_node *n, const char *container_base,
			const char *prov_base)
{
	unsigned ord[BG_N__COUNT] = {0};

	for (bg_node *c = n->first_child; c; c = c->next) {
		ord[c->kind]++;
		switch (c->kind) {
		case BG_N_ARTIKEL:
			if (!c->nr[0]) {
				/* "Artikel 3a" in kop/label or the label attribute;
				 * not the "artikel" of "Enig artikel" */
				const char *l = c->label, *sp = strrchr(l, ' ');
				if (sp && label_number(sp + 1))
					c->nr = clean_nr(s, sp + 1, strlen(sp + 1));
			}
			addr_join(s, c, s->doc->bwb_id[0] ? s->doc->bwb_id : "-",
				  "artikel", c->nr, ord[c->kind]);
			break;
		case BG_N_LID:
			addr_join(s, c, prov_base, "lid", c->nr, ord[c->kind]);
			break;
		case BG_N_LI:
		case BG_N_DEFITEM:
			addr_join(s, c, prov_base, "li", c->nr, ord[c->kind]);
			break;
		case BG_N_LIJST:
		case BG_N_DEFLIST:
		case BG_N_DEFINITIE:
		case BG_N_TERM:
		case BG_N_AL:
			c->address = prov_base;
			break;
		default:
			if (bg_node_kind_is_container(c->kind))
				addr_join(s, c, container_base,
					  bg_node_kind_name(c->kind), c->nr, ord[c->kind]);
			else
				c->address = prov_base;
			break;
		}
		if (s->err)
			return;
		if ((c->kind == BG_N_ARTIKEL || c->kind == BG_N_LID || c->kind == BG_N_LI) &&
		    !c->repealed && node_all_text_repeal(c))
			c->repealed = true;
		if (c->first_child) {
			bool cont = bg_node_kind_is_container(c->kind);
			bool prov = c->kind == BG_N_ARTIKEL || c->kind == BG_N_LID ||
				    c->kind == BG_N_LI || c->kind == BG_N_DEFITEM;
			finish_node(s, c, cont ? c->address : container_base,
				    prov || cont ? c->address : prov_base);
		}
	}
}

static const char *date_from_name(struct state *s, const char *path)
{
	const char *base = strrchr(path, '/');
	const char *u;

	base = base ? base + 1 : path;
	u = strchr(base, '_');
	if (!u || strlen(u) < 11)
		return "";
	u++;
	for (int i = 0; i < 10; i++) {
		char c = u[i];
		if (i == 4 || i == 7) {
			if (c != '-')
				return "";
		} else if (c < '0' || c > '9') {
			return "";
		}
	}
	return arena_str(s, u, 10);
}

/*
 * The short title of a regulation without a citeertitel: the name the
 * intitule gives it after "vaststelling van de / het" ("Besluit van 11
 * januari 1994, tot vaststelling van het Besluit rechtsbijstand- en
 * toevoegcriteria"), else the final bracket ("... (Muntwet 2002)"), else
 * "".  A "Wet ..." named so wins over the bracket: "tot vaststelling van de
 * Wet inkomstenbelasting 2001 (Belastingherziening 2001)" is the Wet
 * inkomstenbelasting 2001, the bracket names the operation.
 */
static const char *short_from_intitule(struct state *s, const char *t)
{
	static const char *const opens[] = { "vaststelling van de ", "vaststelling van het " };
	size_t n = strlen(t);
	const char *open;

	while (n && (t[n - 1] == ' ' || t[n - 1] == '.'))
		n--;
	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		const char *p = strstr(t, opens[k]), *e, *br;
		if (!p)
			continue;
		p += strlen(opens[k]);
		if (*p < 'A' || *p > 'Z' || (n && t[n - 1] == ')' && strncmp(p, "Wet ", 4)))
			continue;
		e = p + strcspn(p, ",;");
		if ((br = strstr(p, " (")) != NULL && br < e)
			e = br;
		while (e > p && (e[-1] == ' ' || e[-1] == '.'))
			e--;
		if (e - p > 3 && e - p < 160)
			return arena_str(s, p, (size_t)(e - p));
	}
	if (!n || t[n - 1] != ')')
		return "";
	/* the matching '(' of the final ')' */
	int level = 0;
	for (open = t + n - 1; open >= t; open--) {
		if (*open == ')')
			level++;
		else if (*open == '(' && --level == 0)
			break;
	}
	if (open < t || open + 1 >= t + n - 1)
		return "";
	return arena_str(s, open + 1, (size_t)(t + n - 1 - (open + 1)));
}

static void finish(struct state *s, const char *path)
{
	bg_doc *d = s->doc;

	if (!d->date[0])
		d->date = date_from_name(s, path);
	if (!d->bwb_id[0]) {
		/* the file name as published: BWBR0018472[_date].xml */
		const char *base = strrchr(path, '/');
		char id[12];
		base = base ? base + 1 : path;
		if (strlen(base) >= 11) {
			memcpy(id, base, 11);
			id[11] = '\0';
			if (bg_is_bwb_id(id))
				d->bwb_id = arena_str(s, id, 11);
		}
	}
	d->short_title = d->citeertitel[0] ? d->citeertitel : short_from_intitule(s, d->intitule);
	d->title = d->citeertitel[0] ? d->citeertitel : d->intitule;
	if (d->root) {
		bg_buf b = BG_BUF_INIT;
		bg_buf_adds(&b, d->bwb_id[0] ? d->bwb_id : "-");
		d->root->address = arena_str(s, b.s, b.len);
		bg_buf_release(&b);
		finish_node(s, d->root, d->root->address, d->root->address);
	}
}

/* ------------------------------------------------------------ the loop */

static void sax_start(void *ctx, const xmlChar *localname,
		      const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
		      const xmlChar **namespaces, int nb_attributes,
		      int nb_defaulted, const xmlChar **attributes)
{
	struct state *s = ctx;

	(void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces;
	if (s->err)
		return;
	s->attrs = attributes;
	/* defaulted attributes come last; without DTDATTR they do not exist */
	s->nattrs = nb_attributes - nb_defaulted;
	if (s->op_meta) {
		s->op_meta++;
		op_metadata(s);
	} else if (s->skip) {
		s->skip++;
	} else if (element_start(s, localname)) {
		if (!s->op_meta)
			s->skip = 1;
	}
	s->nattrs = 0;
}

static void sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		    const xmlChar *uri)
{
	struct state *s = ctx;

	(void)localname, (void)prefix, (void)uri;
	if (s->err)
		return;
	if (s->op_meta)
		s->op_meta--;
	else if (s->skip)
		s->skip--;
	else
		element_end(s);
}

static void sax_text(void *ctx, const xmlChar *ch, int len)
{
	struct state *s = ctx;

	if (s->cap && !s->skip && !s->op_meta && !s->err && len > 0)
		add_text(s, (const char *)ch, (size_t)len);
}

static void sax_entity_decl(void *ctx, const xmlChar *name, int type,
			    const xmlChar *public_id, const xmlChar *system_id,
			    xmlChar *content)
{
	struct state *s = ctx;

	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	fail(s, BG_ERR_HOSTILE, "%s",
	     "document type declares entities or an external subset (refused)");
}

static void sax_reference(void *ctx, const xmlChar *name)
{
	fail(ctx, BG_ERR_HOSTILE, "entity reference &%s; refused", (const char *)name);
}

static bg_status parse(struct state *s, xmlParserCtxtPtr ctxt, const char *path)
{
	s->ctxt = ctxt;
	tagtab_init(&s->tags, ctxt->dict);
	/* Errors raised without the parser context (encoding conversion,
	 * I/O) would otherwise go to libxml2's generic handler, which prints
	 * on stderr; this thread's global handler sends them to ours too. */
	xmlSetStructuredErrorFunc(s, xml_error_handler);
	xmlParseDocument(ctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	/* "for expat compatibility" libxml2 records entity declarations in a
	 * document of its own even in SAX mode; nothing reads it, it is freed */
	if (ctxt->myDoc) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	if (!s->err && !ctxt->wellFormed)
		fail(s, BG_ERR_XML, "%s", "XML error");
	if (!s->err && !s->seen_root)
		fail(s, BG_ERR_XML, "%s", "no root element (empty or not XML)");
	if (!s->err)
		finish(s, path);
	return s->err;
}

static bg_doc *doc_new(const char *path)
{
	bg_doc *d = calloc(1, sizeof *d);

	if (!d)
		return NULL;
	d->arena = bg_arena_new();
	if (!d->arena) {
		free(d);
		return NULL;
	}
	d->path = bg_arena_strdup(d->arena, path);
	d->bwb_id = d->soort = d->title = d->intitule = d->citeertitel = "";
	d->short_title = d->date = "";
	if (!d->path) {
		bg_doc_free(d);
		return NULL;
	}
	return d;
}

#define PARSE_OPTS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

/* The only callbacks libxml2 gets: everything else (DTD loading, entity
 * resolution, tree building) stays NULL and so does not happen. */
static void set_sax(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof *sax);
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = sax_start;
	sax->endElementNs = sax_end;
	sax->characters = sax_text;
	sax->ignorableWhitespace = sax_text;
	sax->cdataBlock = sax_text;
	sax->entityDecl = sax_entity_decl;
	sax->reference = sax_reference;
	sax->serror = xml_error_handler;
}

/* The document in memory, as libxml2's read callback hands it out: in
 * the 4 KB pieces it asks for, so that its buffer stays small and in
 * cache (parsing one copy of the whole text, xmlCreateMemoryParserCtxt,
 * measured the same or slower and doubles the memory). */
struct mem_src {
	const char *p;
	size_t left;
};

static int mem_read(void *ctx, char *buf, int len)
{
	struct mem_src *m = ctx;
	size_t n = len < 0 ? 0 : (size_t)len;

	if (n > m->left)
		n = m->left;
	memcpy(buf, m->p, n);
	m->p += n;
	m->left -= n;
	return (int)n;
}

/* A parser for the text m hands out; NULL when out of memory. */
static xmlParserCtxtPtr new_parser(struct mem_src *m)
{
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;

	set_sax(&sax);
	ctxt = xmlCreateIOParserCtxt(&sax, NULL, mem_read, NULL, m, XML_CHAR_ENCODING_NONE);
	if (ctxt)
		xmlCtxtUseOptions(ctxt, PARSE_OPTS);
	return ctxt;
}

static bg_status read_common(xmlParserCtxtPtr r, const char *name,
			     const bg_read_opts *opts, bg_doc **out,
			     bg_diag *diag)
{
	struct state *s;
	bg_doc *d;
	bg_status st;
	bg_diag local = {0};

	*out = NULL;
	if (!diag)
		diag = &local;
	if (!r) {
		bg_diag_set(diag, BG_ERR_NOMEM, name, 0, 0, "cannot create XML reader");
		bg_diag_clear(&local);
		return BG_ERR_NOMEM;
	}
	d = doc_new(name);
	s = calloc(1, sizeof *s);
	if (!d || !s) {
		bg_doc_free(d);
		free(s);
		xmlFreeParserCtxt(r);
		bg_diag_set(diag, BG_ERR_NOMEM, name, 0, 0, "out of memory");
		bg_diag_clear(&local);
		return BG_ERR_NOMEM;
	}
	s->doc = d;
	s->name = opts && opts->display_name ? opts->display_name : name;
	s->diag = diag;
	bg_buf_init(&s->text);
	bg_buf_init(&s->small);
	bg_buf_init(&s->title);
	s->text.cap_limit = BG_MAX_TEXT;
	s->small.cap_limit = BG_MAX_ATTR * 4;
	s->title.cap_limit = BG_MAX_TEXT;
	s->allow_op = opts && opts->allow_op;
	r->userData = s;
	st = parse(s, r, name);
	xmlFreeParserCtxt(r);
	bg_buf_release(&s->text);
	bg_buf_release(&s->small);
	bg_buf_release(&s->title);
	free(s);
	if (st) {
		bg_doc_free(d);
		bg_diag_clear(&local);
		return st;
	}
	*out = d;
	bg_diag_clear(&local);
	return BG_OK;
}

bg_status bg_doc_read_memory(const char *data, size_t len, const char *name,
			     const bg_read_opts *opts, bg_doc **out,
			     bg_diag *diag)
{
	xmlParserCtxtPtr r;
	struct mem_src m = { data, len };

	if (len > BG_MAX_FILE) {
		bg_diag_set(diag, BG_ERR_LIMIT, name, 0, 0, "file larger than %u bytes",
			    (unsigned)BG_MAX_FILE);
		*out = NULL;
		return BG_ERR_LIMIT;
	}
	if (len == 0) {
		bg_diag_set(diag, BG_ERR_XML, name, 1, 1, "empty file");
		*out = NULL;
		return BG_ERR_XML;
	}
	r = new_parser(&m);
	return read_common(r, name, opts, out, diag);
}

bg_status bg_doc_read_file(const char *path, const bg_read_opts *opts,
			   bg_doc **out, bg_diag *diag)
{
	FILE *fp;
	struct stat sb;
	bg_status st;
	bg_read_opts o = {0};
	char *data;
	size_t got;
	const char *name = opts && opts->display_name ? opts->display_name : path;

	*out = NULL;
	fp = fopen(path, "rb");
	if (!fp) {
		bg_diag_set(diag, BG_ERR_IO, name, 0, 0, "cannot open: %s", strerror(errno));
		return BG_ERR_IO;
	}
	if (fstat(fileno(fp), &sb) || !S_ISREG(sb.st_mode)) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_IO, name, 0, 0, "not a regular file");
		return BG_ERR_IO;
	}
	if ((unsigned long long)sb.st_size > BG_MAX_FILE) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_LIMIT, name, 0, 0, "file larger than %u bytes",
			    (unsigned)BG_MAX_FILE);
		return BG_ERR_LIMIT;
	}
	if (sb.st_size == 0) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_XML, name, 1, 1, "empty file");
		return BG_ERR_XML;
	}
	if (opts)
		o = *opts;
	o.display_name = name;
	/* the whole file in one read, then parsed from memory: a system
	 * call per file instead of one per 4 KB piece libxml2 asks for
	 * (measured on the corpus, `stats --jobs 1`: 590 -> 540 ms CPU) */
	data = malloc((size_t)sb.st_size);
	if (!data) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_NOMEM, name, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	got = fread(data, 1, (size_t)sb.st_size, fp);
	if (got == 0 || ferror(fp)) {
		free(data);
		fclose(fp);
		bg_diag_set(diag, BG_ERR_IO, name, 0, 0, "read error");
		return BG_ERR_IO;
	}
	fclose(fp);
	st = bg_doc_read_memory(data, got, path, &o, out, diag);
	free(data);
	return st;
}

void bg_doc_free(bg_doc *doc)
{
	if (!doc)
		return;
	free(doc->refs);
	free(doc->aliases);
	bg_arena_free(doc->arena);
	free(doc);
}

const char *bg_doc_path(const bg_doc *d) { return d->path; }
const char *bg_doc_bwb_id(const bg_doc *d) { return d->bwb_id; }
const char *bg_doc_soort(const bg_doc *d) { return d->soort; }
const char *bg_doc_title(const bg_doc *d) { return d->title; }
const char *bg_doc_intitule(const bg_doc *d) { return d->intitule; }
const char *bg_doc_short_title(const bg_doc *d) { return d->short_title; }
const char *bg_doc_date(const bg_doc *d) { return d->date; }
bg_dialect bg_doc_dialect(const bg_doc *d) { return d->dialect; }
bg_node *bg_doc_root(const bg_doc *d) { return d->root; }
size_t bg_doc_ref_count(const bg_doc *d) { return d->nrefs; }
const bg_ref *bg_doc_refs(const bg_doc *d) { return d->refs; }
size_t bg_doc_alias_count(const bg_doc *d) { return d->naliases; }
const char *bg_doc_alias(const bg_doc *d, size_t i) { return i < d->naliases ? d->aliases[i] : ""; }
bg_arena *bg_doc_arena(bg_doc *d) { return d->arena; }
size_t bg_doc_node_count(const bg_doc *d) { return d->nnodes; }

/* ------------------------------------------------------------- builder */

/*
 * Documents built by hand share the reader's post-pass (addresses, repeal
 * marks), so a draft read from plain text and the same text in BWB XML
 * get the same addresses.  A state without a libxml2 reader is enough for
 * the post-pass: only its error path asks the reader for a position, and
 * fail() is guarded for that below.
 */
static void builder_state(struct state *s, bg_doc *d, bg_diag *diag)
{
	memset(s, 0, sizeof *s);
	s->doc = d;
	s->name = d->path;
	s->diag = diag;
}

bg_doc *bg_doc_new(const char *path, bg_dialect dialect)
{
	bg_doc *d = doc_new(path ? path : "-");

	if (!d)
		return NULL;
	d->dialect = dialect;
	d->root = bg_arena_alloc(d->arena, sizeof *d->root);
	if (!d->root) {
		bg_doc_free(d);
		return NULL;
	}
	d->root->kind = BG_N_ROOT;
	d->root->nr = d->root->label = d->root->heading = d->root->text = "";
	d->root->address = "";
	d->nnodes = 1;
	return d;
}

static const char *dup_or_empty(bg_doc *d, const char *s, bool *ok)
{
	char *r;

	if (!s || !*s)
		return "";
	r = bg_arena_strdup(d->arena, s);
	if (!r)
		*ok = false;
	return r ? r : "";
}

bg_status bg_doc_set_meta(bg_doc *d, const char *bwb_id, const char *soort,
			  const char *title, const char *date)
{
	bool ok = true;

	if (bwb_id)
		d->bwb_id = dup_or_empty(d, bwb_id, &ok);
	if (soort)
		d->soort = dup_or_empty(d, soort, &ok);
	if (title) {
		d->intitule = dup_or_empty(d, title, &ok);
		d->title = d->intitule;
	}
	if (date)
		d->date = dup_or_empty(d, date, &ok);
	return ok ? BG_OK : BG_ERR_NOMEM;
}

bg_node *bg_doc_add_node(bg_doc *d, bg_node *parent, bg_node_kind kind,
			 const char *nr, const char *heading, const char *text,
			 unsigned line)
{
	bg_node *n;
	bool ok = true;

	if (d->nnodes >= BG_MAX_NODES || kind == BG_N_ROOT || kind >= BG_N__COUNT)
		return NULL;
	if (!parent)
		parent = d->root;
	n = bg_arena_alloc(d->arena, sizeof *n);
	if (!n)
		return NULL;
	d->nnodes++;
	n->kind = kind;
	n->nr = dup_or_empty(d, nr, &ok);
	n->label = "";
	n->heading = dup_or_empty(d, heading, &ok);
	n->text = dup_or_empty(d, text, &ok);
	n->text_len = strlen(n->text);
	n->address = "";
	n->line = line;
	n->depth = parent->depth + 1;
	n->parent = parent;
	n->ref_first = (unsigned)d->nrefs;
	if (parent->last_child)
		parent->last_child->next = n;
	else
		parent->first_child = n;
	parent->last_child = n;
	return ok ? n : NULL;
}

bg_status bg_doc_add_ref(bg_doc *d, bg_node *in, bool external,
			 const char *target, const char *anchor)
{
	char id[BG_MAX_ATTR + 1], art[BG_MAX_ATTR + 1], lid[BG_MAX_ATTR + 1];
	bool ok = true;
	bg_ref *ref;

	if (d->nrefs == d->refs_alloc) {
		size_t n = d->refs_alloc ? d->refs_alloc * 2 : 64;
		bg_ref *p = realloc(d->refs, n * sizeof *p);
		if (!p)
			return BG_ERR_NOMEM;
		d->refs = p;
		d->refs_alloc = n;
	}
	/* a text node's refs are contiguous: callers add them in order */
	if (in && in->ref_count == 0)
		in->ref_first = (unsigned)d->nrefs;
	ref = &d->refs[d->nrefs++];
	memset(ref, 0, sizeof *ref);
	ref->external = external;
	ref->doc = dup_or_empty(d, target, &ok);
	bg_ref_parse_target(ref->doc, id, art, lid, sizeof id);
	ref->bwb_id = dup_or_empty(d, id, &ok);
	ref->artikel = dup_or_empty(d, art, &ok);
	ref->lid = dup_or_empty(d, lid, &ok);
	ref->text = dup_or_empty(d, anchor, &ok);
	ref->node = in;
	ref->line = in ? in->line : 0;
	if (in)
		in->ref_count++;
	return ok ? BG_OK : BG_ERR_NOMEM;
}

bg_status bg_doc_finish(bg_doc *d)
{
	struct state s;
	bg_diag diag = {0};
	bg_status st;

	builder_state(&s, d, &diag);
	finish(&s, d->path);
	st = s.err;
	bg_diag_clear(&diag);
	return st;
}
