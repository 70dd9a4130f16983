# issue 12 (fast at any size): the model's shared templates, dependency
# index and direct look-ups (tests/test_perf.c).
check_PROGRAMS += tests/test_perf
TESTS += tests/test_perf
tests_test_perf_SOURCES = tests/test_perf.c tests/test_util.c
tests_test_perf_CFLAGS = $(TEST_CFLAGS)
tests_test_perf_LDADD = $(TEST_MODEL_LIBS)
