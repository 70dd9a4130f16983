# issue 12 (fast at any size): the model's shared templates, dependency
# index and direct look-ups (tests/test_perf.c).
check_PROGRAMS += tests/test_perf
TESTS += tests/test_perf
tests_test_perf_SOURCES = tests/test_perf.c tests/test_util.c
tests_test_perf_CFLAGS = $(TEST_CFLAGS)
tests_test_perf_LDADD = $(TEST_MODEL_LIBS)

# make bench: the model's memory per question and its part of one change
# (tests/bench/bench_model.c), rows of bench-load's table.
EXTRA_PROGRAMS += tests/bench/bench_model
tests_bench_bench_model_SOURCES = tests/bench/bench_model.c
tests_bench_bench_model_LDADD = libchecklist.a $(XML_LIBS)
bench-load: tests/bench/bench_model$(EXEEXT)
