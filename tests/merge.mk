# tests/merge.mk: workshops (issue 13): contributions, merging with
# provenance, conflicts settled by --prefer and in sacl fill (F7); see
# tests/local.mk.
if WITH_TESTS
check_PROGRAMS += tests/test_merge
TESTS += tests/test_merge tests/cli_merge.sh tests/e2e_merge.sh
endif

tests_test_merge_SOURCES = tests/test_merge.c tests/test_util.c
tests_test_merge_CFLAGS = $(TEST_CFLAGS)
tests_test_merge_LDADD = $(TEST_MODEL_LIBS)

EXTRA_DIST += tests/cli_merge.sh tests/e2e_merge.sh
