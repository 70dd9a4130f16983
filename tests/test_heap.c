/*
 * test_heap.c: the heap tui_heap_prepare() sets up at start
 * (tui/tui_heap.c, issue 12). After it, glibc's fast bins are off: small
 * freed blocks are merged as they are freed, none waits in a fast bin
 * (mallinfo2's fsmblks stays 0). With GLIBC_TUNABLES set the C library
 * is left as the environment says, and the same frees fill fast bins:
 * which also shows that the measure can see them.
 * Skipped where the heap is not glibc's (another C library, a sanitizer).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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

/* Then: prepared, no freed block waits in a fast bin. */
static void
test_heap_no_fast_bins(void **state)
{
	(void)state;
#if TEST_HEAP_GLIBC
	if (getenv("GLIBC_TUNABLES") != NULL)
		skip(); /* the environment tunes the heap: left as it says */
	tui_heap_prepare();
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
		cmocka_unit_test(test_heap_no_fast_bins),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
