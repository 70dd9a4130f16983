# issue 12 leftovers (h-deps): the dependency index follows expressions
# reading a group as a whole or anything; the batch checks each
# constraint it may have changed once; one reader of the review mark
# (tests/test_deps.c).
check_PROGRAMS += tests/test_deps
TESTS += tests/test_deps
tests_test_deps_SOURCES = tests/test_deps.c tests/test_util.c
tests_test_deps_CFLAGS = $(TEST_CFLAGS)
tests_test_deps_LDADD = $(TEST_MODEL_LIBS)
