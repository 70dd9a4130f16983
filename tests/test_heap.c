/*
 * test_heap.c: the heap tui_heap_prepare() sets up at start
 * (tui/tui_heap.c, issue 12). After it, glibc's fast bins are off: small
 * freed blocks are merged as they are freed, none waits in a fast bin
 * (mallinfo2's fsmblks stays 0), and what the heap gives next starts on
 * a huge page. With GLIBC_TUNABLES set the C library is left as the
 * environment says, and the same frees fill fast bins: which also shows
 * that the measure can see them. Under a limit on memory no reserve is
 * taken (the heap does not grow). Skipped where the heap is not glibc's
 * (another C library, a sanitizer).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <cmocka.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "tui/tui_cmd.h"

#if defined(__SANITIZE_ADDRESS__)
#define TEST_HEAP_GLIBC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_HEAP_GLIBC 0
#endif
#endif
#if !defined(TEST_HEAP_GLIBC) && defined(__GLIBC__) && \
    defined(M_MXFAST) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
#define TEST_HEAP_GLIBC 1
#endif
#if !defined(TEST_HEAP_GLIBC)
#define TEST_HEAP_GLIBC 0
#endif

#if TEST_HEAP_GLIBC
/* More small blocks than glibc's per-thread cache keeps (7 a size). */
#define TEST_HEAP_BLOCKS 256
/* A block of 1.5 MiB, written page by page. */
#define TEST_HEAP_BIG ((size_t)3 << 19)
static void *volatile test_heap_blocks[TEST_HEAP_BLOCKS];

/* Bytes in fast bins after TEST_HEAP_BLOCKS blocks of 24 bytes are
 * allocated and freed. */
static size_t
test_heap_fast_after_frees(void)
{
	size_t i;

	for (i = 0; i < TEST_HEAP_BLOCKS; i++)
		test_heap_blocks[i] = malloc(24);
	for (i = 0; i < TEST_HEAP_BLOCKS; i++)
		free(test_heap_blocks[i]);
	return mallinfo2().fsmblks;
}
#endif

/* First: with GLIBC_TUNABLES set nothing is changed, fast bins fill. */
static void
test_heap_tunables_leave_it(void **state)
{
	(void)state;
#if TEST_HEAP_GLIBC
	assert_int_equal(setenv("GLIBC_TUNABLES", "glibc.malloc.check=0", 1),
	    0);
	tui_heap_prepare();
	assert_true(test_heap_fast_after_frees() > 0);
	assert_int_equal(unsetenv("GLIBC_TUNABLES"), 0);
#else
	skip();
#endif
}

#if TEST_HEAP_GLIBC
/* Does the kernel give transparent huge pages to memory that asks? */
static bool
test_heap_thp(void)
{
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");

	if (f == NULL)
		return false;
	if (fgets(mode, sizeof mode, f) == NULL)
		mode[0] = '\0';
	fclose(f);
	return strstr(mode, "[always]") != NULL ||
	    strstr(mode, "[madvise]") != NULL;
}

/* Minor page faults of this process so far. */
static long
test_heap_faults(void)
{
	struct rusage ru;

	assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
	return ru.ru_minflt;
}
#endif

#if TEST_HEAP_GLIBC
/* Is this process's memory limited (ulimit -v, -d)? */
static bool
test_heap_limited(void)
{
	struct rlimit as, data;

	assert_int_equal(getrlimit(RLIMIT_AS, &as), 0);
	assert_int_equal(getrlimit(RLIMIT_DATA, &data), 0);
	return as.rlim_cur != RLIM_INFINITY || data.rlim_cur != RLIM_INFINITY;
}
#endif

/* Then, under a limit on the data segment (4 GiB, far above what this
 * test takes): no reserve, the heap does not grow at all. */
static void
test_heap_limit_no_reserve(void **state)
{
	(void)state;
#if TEST_HEAP_GLIBC
	struct rlimit data, lower;
	char *before;

	assert_int_equal(getrlimit(RLIMIT_DATA, &data), 0);
	lower = data;
	if (data.rlim_cur == RLIM_INFINITY || data.rlim_cur > (4ul << 30))
		lower.rlim_cur = 4ul << 30;
	assert_int_equal(setrlimit(RLIMIT_DATA, &lower), 0);
	before = sbrk(0);
	tui_heap_prepare();
	assert_ptr_equal(sbrk(0), before);
	assert_int_equal(setrlimit(RLIMIT_DATA, &data), 0);
#else
	skip();
#endif
}

/* Then: prepared. The first block taken from the heap's top starts just
 * past a 2 MiB boundary (the stretch before it is skipped), and where
 * the kernel has huge pages, writing 1.5 MiB of it costs a few faults,
 * not one a page (384). No freed block waits in a fast bin. */
static void
test_heap_prepared(void **state)
{
	(void)state;
#if TEST_HEAP_GLIBC
	unsigned char *big;
	long before;
	size_t i;

	if (getenv("GLIBC_TUNABLES") != NULL || test_heap_limited())
		skip(); /* the environment tunes or limits the heap */
	tui_heap_prepare();
	big = malloc(TEST_HEAP_BIG); /* larger than any free block */
	assert_non_null(big);
	assert_true((uintptr_t)big % ((uintptr_t)2 << 20) < 4096);
	before = test_heap_faults();
	for (i = 0; i < TEST_HEAP_BIG; i += 4096)
		big[i] = 1;
	if (test_heap_thp())
		assert_true(test_heap_faults() - before < 64);
	free(big);
	assert_int_equal(test_heap_fast_after_frees(), 0);
#else
	skip();
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heap_tunables_leave_it),
		cmocka_unit_test(test_heap_limit_no_reserve),
		cmocka_unit_test(test_heap_prepared),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
