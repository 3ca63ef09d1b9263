/*
 * skos.c -- concepts.ttl: the lexicon concepts and the definitions found,
 * in SKOS (Turtle), following NL-SBB, the Dutch standard for describing
 * concepts (https://docs.geostandaarden.nl/nl-sbb/nl-sbb/): every concept
 * has a skos:prefLabel and a skos:definition, every label and definition a
 * language tag.  begrip:kind (own, reference, ...) and begrip:variant (the
 * variant number of the report) are begrip's own properties.
 *
 * Two concept schemes, under the base BG_SKOS_BASE (a reserved .invalid
 * domain: these IRIs name things, they do not resolve):
 *   scheme/lexicon      the lexicon: concept/ID with prefLabel (label),
 *                       altLabel (each variant term), definition (the
 *                       lexicon's note, which is English: tagged @en),
 *                       broader, topConceptOf;
 *   scheme/definities   each definition of a lexicon concept found in the
 *                       latest version of a regulation (as `begrip
 *                       compare` forms them): definitie/ID/BWB/artikel-N
 *                       with prefLabel "concept (law, provision)"@nl, the
 *                       law text as skos:definition @nl, dct:source the
 *                       provision on wetten.overheid.nl, rdfs:seeAlso the
 *                       regulation, skos:broadMatch its lexicon concept.
 * Harmonisation: members of one variant (same root or same normalised
 * wording) are skos:exactMatch of the variant's representative; the
 * representatives of two variants whose divergence is below
 * BG_REPORT_CLOSE are skos:closeMatch.
 *
 * Strings are Turtle STRING_LITERAL_QUOTE with \" \\ \n \r \t escaped and
 * other control characters as \uXXXX; IRIs percent-encode every byte that
 * is not an unreserved character or one of the few delimiters used.
 */
#include "report_render.h"

#include <string.h>

static void lit(FILE *o, const char *s, const char *lang)
{
	fputc('"', o);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", o); break;
		case '\\': fputs("\\\\", o); break;
		case '\n': fputs("\\n", o); break;
		case '\r': fputs("\\r", o); break;
		case '\t': fputs("\\t", o); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(o, "\\u%04X", *p);
			else
				fputc(*p, o);
		}
	}
	fputc('"', o);
	if (lang)
		fprintf(o, "@%s", lang);
}

/* Bytes allowed as they are inside an IRI we write: unreserved, and the
 * delimiters of the links we copy (: / & = ? # % . ~ - _). */
static bool iri_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr(":/&=?#%.~-_", c));
}

static void iri_part(FILE *o, const char *s, bool slug)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (slug && *p == ' ')
			fputc('-', o);
		else if (slug ? iri_safe(*p) && *p != '/' && *p != '#' && *p != '?' &&
					*p != '&' && *p != '%' : iri_safe(*p))
			fputc(*p, o);
		else
			fprintf(o, "%%%02X", *p);
	}
}

static void iri(FILE *o, const char *s)
{
	fputc('<', o);
	iri_part(o, s, false);
	fputc('>', o);
}

static void concept_iri(FILE *o, const char *id)
{
	fputs("<" BG_SKOS_BASE "concept/", o);
	iri_part(o, id, true);
	fputc('>', o);
}

static void def_iri(FILE *o, const bg_report_concept *c, const bg_cmp_def *d)
{
	fputs("<" BG_SKOS_BASE "definitie/", o);
	iri_part(o, c->id, true);
	fputc('/', o);
	iri_part(o, d->law, true);
	fputc('/', o);
	/* a definition is one article of one law: "artikel 1 lid 2, 3" is
	 * named by "artikel-1" */
	if (d->where[0]) {
		const char *lid = strstr(d->where, " lid ");
		bg_buf a = BG_BUF_INIT;
		bg_buf_add(&a, d->where, lid ? (size_t)(lid - d->where) : strlen(d->where));
		iri_part(o, a.s, true);
		bg_buf_release(&a);
	} else {
		iri_part(o, d->root, true);
	}
	fputc('>', o);
}

static void lexicon_concept(FILE *o, const bg_report *r, const bg_report_concept *c)
{
	size_t nv = bg_lexicon_variant_count(r->lex, c->lex_index);

	concept_iri(o, c->id);
	fputs("\n    a skos:Concept ;\n    skos:inScheme begrip:scheme-lexicon ;\n"
	      "    skos:prefLabel ", o);
	lit(o, c->label, "nl");
	for (size_t j = 0; j < nv; j++) {
		const char *v = bg_lexicon_variant(r->lex, c->lex_index, j);
		if (!strcmp(v, c->label))
			continue;
		fputs(" ;\n    skos:altLabel ", o);
		lit(o, v, "nl");
	}
	fputs(" ;\n    skos:definition ", o);
	lit(o, c->note[0] ? c->note : c->label, "en");
	fputs(" ;\n    skos:notation ", o);
	/* a notation is a code, not a label: no language tag */
	lit(o, c->id, NULL);
	if (c->broader[0] && bg_lexicon_find(r->lex, c->broader) >= 0) {
		fputs(" ;\n    skos:broader ", o);
		concept_iri(o, c->broader);
	} else {
		fputs(" ;\n    skos:topConceptOf begrip:scheme-lexicon", o);
	}
	fputs(" .\n\n", o);
}

static void definition(FILE *o, const bg_report_concept *c, size_t i)
{
	const bg_cmp *m = &c->cmp;
	const bg_cmp_def *d = &m->defs[i];
	const bg_cmp_variant *v = &m->var[d->variant];
	bg_buf label = BG_BUF_INIT, law = BG_BUF_INIT;

	bg_buf_addf(&label, "%s (%s", c->label, d->title);
	if (d->where[0])
		bg_buf_addf(&label, ", %s", d->where);
	bg_buf_addc(&label, ')');
	def_iri(o, c, d);
	fputs("\n    a skos:Concept ;\n    skos:inScheme begrip:scheme-definities ;\n"
	      "    skos:prefLabel ", o);
	lit(o, label.s, "nl");
	fputs(" ;\n    skos:definition ", o);
	lit(o, d->text[0] ? d->text : label.s, "nl");
	fputs(" ;\n    skos:broadMatch ", o);
	concept_iri(o, c->id);
	if (d->link[0]) {
		fputs(" ;\n    dct:source ", o);
		iri(o, d->link);
	}
	bg_report_law_link(d->law, &law);
	if (law.len) {
		fputs(" ;\n    rdfs:seeAlso ", o);
		iri(o, law.s);
	}
	fputs(" ;\n    begrip:kind ", o);
	lit(o, d->kind, "en");
	fprintf(o, " ;\n    begrip:variant %zu", d->variant + 1);
	if (v->rep != i) {
		fputs(" ;\n    skos:exactMatch ", o);
		def_iri(o, c, &m->defs[v->rep]);
	} else {
		for (size_t p = 0; p < m->npairs; p++) {
			const bg_cmp_pair *pr = &m->pairs[p];
			size_t other;
			if (pr->score >= BG_REPORT_CLOSE || (pr->va != d->variant && pr->vb != d->variant))
				continue;
			other = pr->va == d->variant ? pr->vb : pr->va;
			fputs(" ;\n    skos:closeMatch ", o);
			def_iri(o, c, &m->defs[m->var[other].rep]);
		}
	}
	fputs(" .\n\n", o);
	bg_buf_release(&label);
	bg_buf_release(&law);
}

void bg_report_write_skos(FILE *o, const bg_report *r)
{
	fputs("# concepts.ttl -- begrip: the lexicon concepts and the definitions found in the corpus,\n"
	      "# in SKOS following NL-SBB.  IRIs under " BG_SKOS_BASE " are minted by begrip\n"
	      "# (.invalid: they name, they do not resolve).  Harmonisation: skos:exactMatch joins\n"
	      "# definitions of one variant, skos:closeMatch variants that diverge less than the\n"
	      "# report's close threshold.\n\n"
	      "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
	      "@prefix dct: <http://purl.org/dc/terms/> .\n"
	      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
	      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
	      "@prefix begrip: <" BG_SKOS_BASE "> .\n\n", o);
	fputs("begrip:scheme-lexicon\n    a skos:ConceptScheme ;\n    skos:prefLabel "
	      "\"Begrippenlexicon van begrip\"@nl ;\n    skos:definition \"De begrippen die begrip "
	      "in wetgeving volgt, met de termen die ze benoemen.\"@nl ;\n    dct:created ", o);
	lit(o, r->created, NULL);
	fputs("^^xsd:dateTime", o);
	for (size_t i = 0; i < r->nconcepts; i++)
		if (!r->concepts[i].broader[0] ||
		    bg_lexicon_find(r->lex, r->concepts[i].broader) < 0) {
			fputs(" ;\n    skos:hasTopConcept ", o);
			concept_iri(o, r->concepts[i].id);
		}
	fputs(" .\n\nbegrip:scheme-definities\n    a skos:ConceptScheme ;\n    skos:prefLabel "
	      "\"Definities in het corpus\"@nl ;\n    skos:definition \"Elke definitie van een "
	      "begrip uit het lexicon in de laatste versie van een regeling uit het corpus.\"@nl ;\n"
	      "    rdfs:comment ", o);
	lit(o, r->corpus, NULL);
	fputs(" .\n\n", o);
	for (size_t i = 0; i < r->nconcepts; i++)
		lexicon_concept(o, r, &r->concepts[i]);
	for (size_t i = 0; i < r->nconcepts; i++)
		for (size_t k = 0; k < r->concepts[i].ndefs; k++)
			definition(o, &r->concepts[i], k);
}
