/*
 * util.c -- status names, diagnostics, the string buffer and the arena.
 *
 * The buffer follows git's strbuf and SQLite's StrAccum: never NULL, always
 * NUL-terminated, and an error recorded once and checked at the end.  The
 * arena is a plain bump allocator over 64 KB blocks: a document's nodes and
 * strings are allocated from it and freed in one call.
 */
#include "bg.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <sys/mman.h>
#include <unistd.h>
#endif

const char bg_buf_empty[1] = "";

const char *bg_status_name(bg_status st)
{
	switch (st) {
	case BG_OK: return "ok";
	case BG_ERR_NOMEM: return "out-of-memory";
	case BG_ERR_IO: return "io";
	case BG_ERR_XML: return "not-well-formed";
	case BG_ERR_NOT_BWB: return "not-bwb";
	case BG_ERR_LIMIT: return "limit";
	case BG_ERR_HOSTILE: return "refused";
	case BG_ERR_USAGE: return "usage";
	case BG_ERR_FORMAT: return "format";
	}
	return "unknown";
}

static char *xstrdup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = malloc(n + 1);
	if (p)
		memcpy(p, s, n + 1);
	return p;
}

void bg_diag_set(bg_diag *d, bg_status st, const char *file, unsigned line,
		 unsigned column, const char *fmt, ...)
{
	bg_buf b = BG_BUF_INIT;
	va_list ap;
	char tmp[1024];

	if (!d)
		return;
	bg_diag_clear(d);
	d->status = st;
	d->file = xstrdup(file ? file : "-");
	d->line = line;
	d->column = column;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	/* A diagnostic is one line: fold newlines and control characters
	 * (libxml2 messages end in '\n', hostile input may embed more). */
	for (const char *p = tmp; *p; p++) {
		unsigned char c = (unsigned char)*p;
		bg_buf_addc(&b, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	while (b.len && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	d->message = bg_buf_detach(&b);
}

void bg_diag_clear(bg_diag *d)
{
	if (!d)
		return;
	free(d->file);
	free(d->message);
	memset(d, 0, sizeof *d);
}

void bg_diag_print(const bg_diag *d, FILE *out)
{
	fprintf(out, "%s:%u:%u: error: %s\n", d->file ? d->file : "-", d->line,
		d->column, d->message ? d->message : bg_status_name(d->status));
}

/* ------------------------------------------------------------------ buf */

void bg_buf_init(bg_buf *b)
{
	b->s = (char *)bg_buf_empty;
	b->len = 0;
	b->alloc = 0;
	b->cap_limit = 0;
	b->failed = false;
}

void bg_buf_release(bg_buf *b)
{
	size_t cap = b->cap_limit;

	if (b->alloc)
		free(b->s);
	bg_buf_init(b);
	b->cap_limit = cap;
}

void bg_buf_clear(bg_buf *b)
{
	b->len = 0;
	if (b->alloc)
		b->s[0] = '\0';
	b->failed = false;
}

static bool buf_grow(bg_buf *b, size_t extra)
{
	size_t limit = b->cap_limit ? b->cap_limit : (size_t)BG_MAX_TEXT * 64;
	size_t need, n;
	char *p;

	if (b->failed)
		return false;
	if (extra > limit || b->len > limit - extra) {
		b->failed = true;
		return false;
	}
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return true;
	n = b->alloc ? b->alloc : 64;
	while (n < need)
		n *= 2;
	p = b->alloc ? realloc(b->s, n) : malloc(n);
	if (!p) {
		b->failed = true;
		return false;
	}
	if (!b->alloc)
		p[0] = '\0';
	b->s = p;
	b->alloc = n;
	return true;
}

bool bg_buf_reserve(bg_buf *b, size_t n)
{
	return buf_grow(b, n);
}

void bg_buf_add(bg_buf *b, const char *p, size_t n)
{
	if (!n || !buf_grow(b, n))
		return;
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void bg_buf_adds(bg_buf *b, const char *s)
{
	bg_buf_add(b, s, strlen(s));
}

void bg_buf_addc(bg_buf *b, char c)
{
	if (!buf_grow(b, 1))
		return;
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void bg_buf_addf(bg_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (!buf_grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void bg_lower_ascii(const char *s, size_t n, bg_buf *out)
{
	bg_buf_clear(out);
	bg_buf_add(out, s, n);
	if (!bg_buf_ok(out))
		return;
	{
		unsigned char *p = (unsigned char *)out->s;
		size_t i = 0;
#ifdef __SSE2__
		/* 16 bytes a step: 'A'..'Z' as the signed bytes above '@' and
		 * below '[' (bytes from 0x80 are negative: left alone) */
		for (; i + 16 <= n; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(void *)(p + i));
			__m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
						   _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
			v = _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(32)));
			_mm_storeu_si128((__m128i *)(void *)(p + i), v);
		}
#endif
		for (; i < n; i++)
			if (p[i] >= 'A' && p[i] <= 'Z')
				p[i] = (unsigned char)(p[i] + 32);
	}
}

char *bg_buf_detach(bg_buf *b)
{
	char *s;

	if (b->failed) {
		bg_buf_release(b);
		return NULL;
	}
	s = b->alloc ? b->s : xstrdup("");
	bg_buf_init(b);
	return s;
}

/* ---------------------------------------------------------------- arena */

/*
 * Blocks grow from ARENA_FIRST to ARENA_BLOCK, doubling: many arenas hold
 * a few hundred bytes (the results of a document without definitions), and
 * a corpus run keeps one or two per document.  With a fixed 64 KB block
 * those were 340 MB of the report's heap that was mostly never written,
 * yet on a heap advised as huge pages (bg_heap_advise) every touched block
 * brings a cleared 2 MB page with it.
 */
#define ARENA_FIRST 1024u
#define ARENA_BLOCK (64u * 1024u)

struct block {
	struct block *prev;
	size_t size;
	size_t used;
	/* payload follows, 16-byte aligned */
	_Alignas(16) unsigned char data[];
};

struct bg_arena {
	struct block *head;
	size_t total;
	size_t next;   /* size of the next block; 0: ARENA_FIRST */
};

bg_arena *bg_arena_new(void)
{
	return calloc(1, sizeof(bg_arena));
}

void bg_arena_free(bg_arena *a)
{
	struct block *b, *p;

	if (!a)
		return;
	for (b = a->head; b; b = p) {
		p = b->prev;
		free(b);
	}
	free(a);
}

void *bg_arena_alloc_raw(bg_arena *a, size_t n)
{
	struct block *b = a->head;
	size_t size;
	void *p;

	if (n > SIZE_MAX / 2)
		return NULL; /* rounding and the block header would wrap */
	n = (n + 15u) & ~(size_t)15u;
	if (!n)
		n = 16;
	if (!b || b->size - b->used < n) {
		bool own = n > ARENA_BLOCK / 4;
		if (own) {
			size = n;
		} else {
			size = a->next ? a->next : ARENA_FIRST;
			while (size < n)
				size *= 2;
			a->next = size < ARENA_BLOCK ? size * 2 : ARENA_BLOCK;
		}
		b = malloc(sizeof *b + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		if (own && a->head) {
			/* A big object gets a block of its own, kept behind
			 * the current one so that its free space is not lost. */
			b->prev = a->head->prev;
			a->head->prev = b;
		} else {
			b->prev = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

uint64_t bg_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9E3779B97F4A7C15u ^ n, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	w = 0;
	if (n > i)
		memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 29;
	return h ? h : 1;
}

void *bg_arena_alloc(bg_arena *a, size_t n)
{
	void *p = bg_arena_alloc_raw(a, n);

	if (p)
		memset(p, 0, n);
	return p;
}

char *bg_arena_strndup(bg_arena *a, const char *s, size_t n)
{
	char *p = n < SIZE_MAX ? bg_arena_alloc_raw(a, n + 1) : NULL;

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *bg_arena_strdup(bg_arena *a, const char *s)
{
	return bg_arena_strndup(a, s, strlen(s));
}

size_t bg_arena_used(const bg_arena *a)
{
	return a->total;
}

size_t bg_arena_held(const bg_arena *a)
{
	size_t n = 0;

	for (const struct block *b = a->head; b; b = b->prev)
		n += b->size;
	return n;
}

/* ----------------------------------------------------------------- heap */

/*
 * Every document allocates and frees its arena and libxml2's buffers in
 * one go.  With glibc's default 128 KB trim threshold each free hands the
 * heap back to the kernel and the next document faults it in again:
 * measured, that was half of begrip's system time on the corpus.  Keeping
 * up to 64 MB of freed heap stops it; memory stays bounded by the largest
 * document.  Setting the trim threshold also freezes glibc's mmap
 * threshold at 128 KB, so every larger buffer (a long text, a token list,
 * a growing table) would be mapped, faulted in and unmapped again per
 * document: blocks up to 32 MB (glibc's maximum) come from the heap.
 *
 * A page fault also costs several microseconds on the virtual machines begrip
 * runs on, and a corpus run touches hundreds of MB of fresh heap: about
 * 95,000 faults, an eighth of a report's CPU.  Transparent huge pages
 * take that to a few hundred, but glibc asks for them only when told to
 * at startup (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), and only its main
 * heap, the brk one, can be advised from here.  So: the main heap grown
 * in 64 MB steps, and every step offered to huge pages as it appears.
 * Measured on the corpus report: 95,000 -> 1,200 faults, CPU 5.2 -> 4.4 s.
 * Putting the worker threads on that one heap too (M_ARENA_MAX 1) made
 * malloc's lock the bottleneck of the reader, whose libxml2 allocates and
 * frees per node: with an arena per thread again, `stats --jobs 2` went
 * from 0.39-0.41 to 0.29-0.32 s wall and `complexity` from 0.55-0.61 to
 * 0.48-0.51 s.  Each thread's own heap is offered to huge pages too
 * (advise_thread_heap): report system time 0.42-0.50 -> 0.24-0.31 s,
 * wall 2.31-2.42 -> 2.18-2.41 s (five alternated runs).  Under valgrind
 * or a sanitizer, which bring their own malloc, nothing of this applies
 * (madvise then fails, harmlessly).
 */
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
#define HEAP_HUGE 1
#define HUGE_PAGE ((uintptr_t)2 << 20)
static atomic_uintptr_t heap_advised;   /* 0: not prepared */
static uintptr_t heap_floor;            /* the program break when prepared */

/* A worker thread's arena: glibc maps each of its heaps as a reserved
 * range of HEAP_MAX bytes aligned to that size (64 MB on 64-bit) and grows
 * it inside; the range is offered to huge pages once, by its thread. */
#define THREAD_HEAP_MAX ((uintptr_t)64 << 20)

static void advise_thread_heap(void)
{
	static _Thread_local uintptr_t advised_base;
	void *probe = malloc(1);
	uintptr_t p = (uintptr_t)probe, base;

	free(probe);
	if (!p || (p + THREAD_HEAP_MAX >= heap_floor && p < (uintptr_t)sbrk(0)))
		return;   /* the main heap, advised step by step */
	base = p & ~(THREAD_HEAP_MAX - 1);
	if (base != advised_base) {
		advised_base = base;
		madvise((void *)base, THREAD_HEAP_MAX, MADV_HUGEPAGE);
	}
}
#endif

void bg_heap_prepare(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
#ifdef HEAP_HUGE
	uintptr_t top = (uintptr_t)sbrk(0), none = 0;

	if (top == (uintptr_t)-1)
		return;
	if (!atomic_compare_exchange_strong(&heap_advised, &none,
					    (top + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1)))
		return;   /* done before */
	heap_floor = top;
	mallopt(M_TOP_PAD, 64 << 20);
	bg_heap_advise();
#endif
}

void bg_heap_advise(void)
{
#ifdef HEAP_HUGE
	uintptr_t from = atomic_load_explicit(&heap_advised, memory_order_relaxed);
	uintptr_t top = (uintptr_t)sbrk(0), to;

	if (!from || top == (uintptr_t)-1)
		return;
	advise_thread_heap();
	to = top & ~(HUGE_PAGE - 1);
	/* the thread that moves the mark advises the range it covers */
	if (to > from && atomic_compare_exchange_strong(&heap_advised, &from, to))
		madvise((void *)from, to - from, MADV_HUGEPAGE);
#endif
}
