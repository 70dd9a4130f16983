# tests/caps.mk: caps on work and one set of limits for writer and
# reader, confined attachments (issue 11), the heap prepared at start
# and sacl under limits on memory (issue 12); see tests/local.mk.
if WITH_TESTS
check_PROGRAMS += tests/test_caps tests/test_heap
TESTS += \
	tests/test_caps \
	tests/test_heap \
	tests/cli_caps.sh \
	tests/cli_heap.sh \
	tests/cli_limits.sh \
	tests/e2e_limits.sh
endif

tests_test_caps_SOURCES = tests/test_caps.c tests/test_util.c
tests_test_caps_CFLAGS = $(TEST_CFLAGS)
tests_test_caps_LDADD = $(TEST_MODEL_LIBS)

tests_test_heap_SOURCES = tests/test_heap.c tui/tui_heap.c
tests_test_heap_CFLAGS = $(TEST_CFLAGS)
tests_test_heap_LDADD = $(TEST_MODEL_LIBS)

EXTRA_DIST += tests/cli_caps.sh tests/cli_heap.sh tests/cli_limits.sh \
	tests/e2e_limits.sh
