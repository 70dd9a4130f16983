/*
 * tui_heap.c: the process's heap, set up once at start for what sacl
 * spends its time on: loading a definition and a response touches tens
 * of megabytes of small blocks (libxml2's trees, the model, the
 * indexes) within a few hundred milliseconds.
 *
 * On Linux much of that time is the kernel's: one page fault for each
 * 4 KiB page written for the first time. On the machine of
 * doc/performance.md faults were a third to a half of a load. With
 * transparent huge pages a fault maps 2 MiB, but where the kernel gives
 * them only to memory that asks for them (THP mode "madvise"), glibc's
 * heap asks only when the environment says so
 * (GLIBC_TUNABLES=glibc.malloc.hugetlb=1). So here the heap is grown
 * once by TUI_HEAP_RESERVE of address space (a reservation: a page costs
 * memory only once written), that range is marked MADV_HUGEPAGE, and
 * glibc is told to keep it (no trimming) and to serve blocks up to
 * 32 MiB from it rather than from mappings of their own. A range is
 * mapped as a huge page only if it is whole (2 MiB, aligned) and nothing
 * in it was written before it was marked: the stretch up to the first
 * such range is skipped (tui_heap_to_boundary), which took half of the
 * faults of a small load.
 *
 * glibc also keeps small freed blocks aside, unmerged, in its "fast
 * bins", and merges them all at once (malloc_consolidate) whenever a
 * large block is allocated or freed. The model's indexes are libxml2
 * hash tables, large blocks made as a definition is checked and freed
 * with it, each setting off a walk of thousands of cold blocks: an
 * eighth of `sacl validate` at 50,000 questions. Fast bins are turned
 * off (M_MXFAST 0): a freed block is merged with its free neighbours at
 * once, while still in the cache, and glibc's per-thread cache still
 * recycles the smallest sizes.
 *
 * When GLIBC_TUNABLES is set, whoever runs sacl tunes the C library
 * there (glibc.malloc.hugetlb among others): the heap is left as it says.
 *
 * Under a limit on memory (ulimit -v or -d) no reserve is taken: a heap
 * grown by 256 MiB at once would pass a limit that the memory really
 * needed fits in. Past the reserve, or where it could not be had, the
 * heap grows by glibc's usual steps, with small pages. Where a step is
 * not available (another C library, a kernel without THP, the allocator
 * of a sanitizer or of valgrind, whose blocks are not in the brk heap)
 * nothing is changed and nothing is said: only speed is at stake, never
 * a result.
 *
 * A command about to end may leave its model to the exit
 * (tui_heap_leave): the kernel takes the whole heap back at once, where
 * freeing a 50,000-question definition block by block is a tenth of
 * `sacl validate`.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#endif

#include "tui/tui_cmd.h"

/* glibc's heap, with the controls used here */
#if defined(__GLIBC__) && defined(M_TOP_PAD) && defined(M_MXFAST) && \
    defined(MADV_HUGEPAGE)
#define TUI_HEAP_TUNE 1
#else
#define TUI_HEAP_TUNE 0
#endif

/* Built with AddressSanitizer, whose leak check runs at the exit, a
 * model left to the exit is freed all the same. */
#if defined(__SANITIZE_ADDRESS__)
#define TUI_HEAP_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TUI_HEAP_FREE_AT_EXIT 1
#endif
#endif
#if !defined(TUI_HEAP_FREE_AT_EXIT)
#define TUI_HEAP_FREE_AT_EXIT 0
#endif

/* Address space reserved at the top of the heap, marked for huge pages:
 * more than a 50,000-question definition and its response take. */
#define TUI_HEAP_RESERVE ((size_t)256 << 20)
/* Blocks up to this size come from the heap (glibc's maximum). */
#define TUI_HEAP_MMAP_MIN (32 << 20)
/* A block larger than the heap's first free space: its allocation makes
 * the heap grow, by the reserve. */
#define TUI_HEAP_FIRST ((size_t)1 << 20)
/* glibc's own M_TOP_PAD (mallopt(3)): the step the heap grows by once
 * the reserve is taken, or could not be. */
#define TUI_HEAP_TOP_PAD (128 * 1024)
/* A transparent huge page on x86_64 and arm64 (4 KiB base pages). */
#define TUI_HEAP_HUGE ((uintptr_t)2 << 20)

#if TUI_HEAP_TUNE
/* The stretch of the heap left unused, still pointed to (reachable). */
static void *tui_heap_skip;

/* The reserve is taken only where neither the address space nor the
 * data segment is limited (ulimit -v, ulimit -d): under a limit, a heap
 * that must grow by 256 MiB at once fails where the memory needed would
 * fit. */
static bool
tui_heap_unlimited(void)
{
	struct rlimit as, data;

	return getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur == RLIM_INFINITY &&
	    getrlimit(RLIMIT_DATA, &data) == 0 &&
	    data.rlim_cur == RLIM_INFINITY;
}

/* A range of 2 MiB is mapped as one huge page only if nothing in it was
 * mapped before: the first write to it decides. Growing the heap for P
 * (TUI_HEAP_FIRST) wrote the header of the heap's free top just past P,
 * before the reserve was marked; and from the heap's start to the next
 * boundary the range is not all marked. So the range holding that
 * header, and what lies before it, stay in small pages: up to 768
 * faults where a small load needs a few hundred. P is grown to the
 * next boundary (in place: the free top follows it) and kept, so that
 * what comes after starts on a huge page. Address space only: the
 * stretch is never written. */
static void *
tui_heap_to_boundary(void *p)
{
	uintptr_t top = (uintptr_t)p + TUI_HEAP_FIRST + 64; /* the header */
	uintptr_t boundary = (top + TUI_HEAP_HUGE) & ~(TUI_HEAP_HUGE - 1);
	void *q = realloc(p, boundary - (uintptr_t)p);

	return q != NULL ? q : p;
}
#endif

void
tui_heap_prepare(void)
{
#if TUI_HEAP_TUNE
	uintptr_t from, to;
	void *p;

	if (getenv("GLIBC_TUNABLES") != NULL || mallopt(M_MXFAST, 0) == 0 ||
	    !tui_heap_unlimited())
		return;
	if (mallopt(M_MMAP_THRESHOLD, TUI_HEAP_MMAP_MIN) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, (int)(2 * TUI_HEAP_RESERVE)) == 0 ||
	    mallopt(M_TOP_PAD, (int)TUI_HEAP_RESERVE) == 0)
		return;
	p = malloc(TUI_HEAP_FIRST);
	/* the heap grows by its usual steps from now on */
	(void)mallopt(M_TOP_PAD, TUI_HEAP_TOP_PAD);
	if (p == NULL)
		return; /* no reserve (the kernel's accounting refused it) */
	from = (uintptr_t)p & ~(uintptr_t)(sysconf(_SC_PAGESIZE) - 1);
	to = (uintptr_t)sbrk(0);
	/* only a block of the brk heap, which has just grown past it */
	if (to > from && to - from <= TUI_HEAP_RESERVE + 2 * TUI_HEAP_FIRST &&
	    madvise((void *)from, to - from, MADV_HUGEPAGE) == 0)
		tui_heap_skip = tui_heap_to_boundary(p);
	else
		free(p);
#endif
}

/* Still pointed to: a leak checker calls them reachable, not lost. */
static struct checklist *tui_heap_left;
static struct checklist_response *tui_heap_left_resp;

void
tui_heap_leave(struct checklist *cl, struct checklist_response *resp)
{
	if (TUI_HEAP_FREE_AT_EXIT || tui_heap_left != NULL ||
	    tui_heap_left_resp != NULL) {
		/* only the last ones wait for the exit */
		checklist_response_free(resp);
		checklist_free(cl);
		return;
	}
	tui_heap_left = cl;
	tui_heap_left_resp = resp;
}
