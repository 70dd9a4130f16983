# issue 12 (h-undo): the undo history of `sacl fill` keeps per step what
# the change touched, exactly undone (tests/test_undo_delta.c); what it
# costs per change at any size (tests/bench/bench_undo.c, make bench).
if WITH_TESTS
check_PROGRAMS += tests/test_undo_delta
TESTS += tests/test_undo_delta
endif
tests_test_undo_delta_SOURCES = tests/test_undo_delta.c tests/test_random.c \
	tests/test_util.c tests/test_random.h
tests_test_undo_delta_CFLAGS = $(TEST_CFLAGS)
tests_test_undo_delta_LDADD = $(TEST_MODEL_LIBS)

EXTRA_PROGRAMS += tests/bench/bench_undo
tests_bench_bench_undo_SOURCES = tests/bench/bench_undo.c
tests_bench_bench_undo_LDADD = libchecklist.a $(XML_LIBS)
bench-load: tests/bench/bench_undo$(EXEEXT)
