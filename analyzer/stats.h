/*
 * stats.h -- structural counts of one document (`begrip stats`).
 */
#ifndef BG_STATS_H
#define BG_STATS_H

#include "bg.h"

typedef struct bg_counts {
	size_t regulations;    /* 1 per parsed document */
	size_t articles;       /* artikel, enig-artikel, wijzig-artikel */
	size_t articles_repealed;
	size_t leden;
	size_t list_items;     /* li (definitie-item counted separately) */
	size_t definition_lists;
	size_t definition_items;
	size_t references_internal;
	size_t references_external;
	size_t words;          /* whitespace-separated words in text blocks */
	size_t text_blocks;    /* al-like blocks and terms */
} bg_counts;

/* Counts one document into c (zeroed first). */
void bg_counts_doc(const bg_doc *doc, bg_counts *c);
/* Adds b to a. */
void bg_counts_add(bg_counts *a, const bg_counts *b);

#endif
