/*
 * draft.h -- reading a bill or a draft, in any of the three formats a
 * drafter has at hand, into the same document tree (bg.h):
 *
 *   - BWB XML (<wetgeving>, <toestand>): for example a new version of an
 *     existing law, read by the BWB reader;
 *   - officiële-publicaties XML (<officiele-publicatie>): a Kamerstuk
 *     voorstel van wet or a Staatsblad publication, read by the same reader
 *     with opts.allow_op, whose amendment instructions ("Artikel I. Het
 *     Mediabesluit 2008 wordt als volgt gewijzigd: A. ...") are listed by
 *     bg_bill_amendments();
 *   - plain text or Markdown ("Artikel 1", "1.", "a." structure), parsed
 *     here into the tree the XML of the same text would give.
 *
 * Textual references ("artikel 3 van de Algemene wet ...") are not resolved
 * here: a draft gets no bg_ref at all, later stages find them in the text.
 */
#ifndef BG_DRAFT_H
#define BG_DRAFT_H

#include "bg.h"

/* The formats bg_bill_read tells apart by content, never by file name. */
typedef enum bg_bill_format {
	BG_BILL_UNKNOWN = 0,
	BG_BILL_BWB,    /* XML with root <wetgeving> or <toestand> */
	BG_BILL_OP,     /* XML with root <officiele-publicatie> */
	BG_BILL_XML,    /* XML with another root (rejected by the reader) */
	BG_BILL_TEXT    /* anything else: plain text / Markdown */
} bg_bill_format;

/* Sniffs the format of data[0..len): a byte-order mark, white space, XML
 * declaration, comments and DOCTYPE are skipped to find the root element. */
bg_bill_format bg_bill_sniff(const char *data, size_t len);

/*
 * Reads the bill at `path` in whichever format it is.  On success returns
 * BG_OK and stores a new document in *out (bg_doc_free).  On failure
 * returns the status, sets *out = NULL and fills diag with
 * "FILE:LINE:COL: MESSAGE".  A text draft gets dialect BG_DIALECT_DRAFT.
 */
bg_status bg_bill_read(const char *path, bg_doc **out, bg_diag *diag);
/* The same from memory; `name` is used in diagnostics and as the path. */
bg_status bg_bill_read_memory(const char *data, size_t len, const char *name,
			      bg_doc **out, bg_diag *diag);
/* Parses data as a plain-text / Markdown draft whatever it looks like. */
bg_status bg_draft_read_memory(const char *data, size_t len, const char *name,
			       bg_doc **out, bg_diag *diag);

/* ----------------------------------------------------------- amendments */

typedef enum bg_amend_action {
	BG_AMEND_OTHER = 0,   /* no verb recognised */
	BG_AMEND_WIJZIGEN,    /* "wordt als volgt gewijzigd" */
	BG_AMEND_INVOEGEN,    /* "wordt/worden ... ingevoegd" */
	BG_AMEND_TOEVOEGEN,   /* "wordt/worden ... toegevoegd" */
	BG_AMEND_VERVANGEN,   /* "wordt vervangen door" */
	BG_AMEND_LUIDEN,      /* "komt/komen te luiden" */
	BG_AMEND_VERVALLEN,   /* "vervalt", "vervallen" */
	BG_AMEND_VERNUMMEREN, /* "wordt vernummerd tot" */
	BG_AMEND_INTREKKEN    /* "wordt ingetrokken" */
} bg_amend_action;

/* Static lower-case name: "wijzigen", "invoegen", ..., "komt te luiden". */
const char *bg_amend_action_name(bg_amend_action a);

/*
 * One amendment instruction of a bill: a wijzig-lid ("B. Na artikel 17
 * worden twee artikelen ingevoegd, die luiden: ..."), a sub-instruction of
 * one ("B.1"), or a whole amending article that is a single instruction.
 * Everything borrows from the document.
 */
typedef struct bg_amendment {
	const bg_node *article;   /* the amending article ("I") */
	const bg_node *item;      /* the instruction's LID / LI, or NULL when
				   * the article itself is the instruction */
	const char *act;          /* the act it changes, "Mediabesluit 2008";
				   * "" when the text names none */
	const char *onderdeel;    /* "A", "B.2", "" for a whole article */
	const char *text;         /* the instruction text (its wat) */
	bg_amend_action action;
	const char *target;       /* first provision named: "artikel 17",
				   * "hoofdstuk 3", "" if none */
	const bg_node *const *content; /* the new text: nodes after the wat */
	size_t ncontent;
	const bg_node *const *articles; /* ARTIKEL nodes inserted or replaced */
	size_t narticles;
} bg_amendment;

/*
 * Lists the amendment instructions of a bill, in document order, in an
 * array allocated in the document's arena (*out, *count; none: NULL, 0).
 * An amending article is a top-level article whose first text block says
 * "... wordt (als volgt) gewijzigd", or that holds lettered onderdelen or
 * new articles, or (Roman-numbered, as the Aanwijzingen voor de
 * regelgeving prescribe) is itself one instruction.
 */
bg_status bg_bill_amendments(bg_doc *doc, const bg_amendment **out,
			     size_t *count);

#endif
