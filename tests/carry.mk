# tests/carry.mk: carry the last cycle forward, review marks, sacl diff,
# fill --compare (issue 13); see tests/local.mk.
if WITH_TESTS
check_PROGRAMS += tests/test_carry
TESTS += \
	tests/test_carry \
	tests/cli_diff.sh \
	tests/cli_carry.sh \
	tests/e2e_carry.sh
endif

tests_test_carry_SOURCES = tests/test_carry.c tests/test_util.c
tests_test_carry_CFLAGS = $(TEST_CFLAGS)
tests_test_carry_LDADD = $(TEST_MODEL_LIBS)

EXTRA_DIST += tests/cli_diff.sh tests/cli_carry.sh tests/e2e_carry.sh \
	tests/golden/diff.txt tests/golden/diff.csv
