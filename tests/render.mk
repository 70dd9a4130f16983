# tests/render.mk: printing and showing a response for a workshop (issue
# 13): the reader of the workshop marks (tests/test_marks.c), `sacl
# render` in each format (tests/cli_render.sh), the presentation mode and
# the overview in tmux (tests/e2e_present.sh).
if WITH_TESTS
check_PROGRAMS += tests/test_marks
TESTS += tests/test_marks tests/cli_render.sh tests/e2e_present.sh
endif
tests_test_marks_SOURCES = tests/test_marks.c tests/test_util.c
tests_test_marks_CFLAGS = $(TEST_CFLAGS)
tests_test_marks_LDADD = $(TEST_MODEL_LIBS)
EXTRA_DIST += tests/cli_render.sh tests/e2e_present.sh \
	tests/golden/render.txt tests/golden/render.md
