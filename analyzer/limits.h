/*
 * limits.h -- every hard limit begrip applies to its input, in one place.
 *
 * Legislation is data from outside: a file may be truncated, hostile or
 * simply huge.  These limits keep a bad file from costing more than a
 * bounded amount of time and memory.  They are far above anything in the
 * real BWB corpus (measured: deepest element nesting 21, longest text node
 * about 60 KB, largest file 2.3 MB), so a file that hits one is
 * reported as an error rather than read partially.
 *
 * libxml2 has limits of its own that stay in force because begrip never
 * passes XML_PARSE_HUGE: element depth 256, a single text node 10 MB, and
 * its entity amplification checks.
 */
#ifndef BG_LIMITS_H
#define BG_LIMITS_H

/* Deepest element nesting accepted in one document. */
#define BG_MAX_DEPTH 128

/* Longest text of one block (an al, a term, a table entry), in bytes,
 * after whitespace normalisation. */
#define BG_MAX_TEXT (1u << 20)

/* Longest attribute value that begrip reads (ids, reference targets). */
#define BG_MAX_ATTR 4096

/* Largest input file, in bytes. */
#define BG_MAX_FILE (256u << 20)

/* Most nodes (structural elements plus text blocks) in one document. */
#define BG_MAX_NODES 4000000u

/* Longest draft (plain text / Markdown) accepted by `begrip check`. */
#define BG_MAX_DRAFT (16u << 20)

/* Most worker threads for --jobs. */
#define BG_MAX_JOBS 64

#endif
