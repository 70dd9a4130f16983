# tests/tui.mk: see tests/local.mk.

# forms/: the question page driven headless (newterm over /dev/null).
if WITH_TESTS
check_PROGRAMS += tests/test_forms
TESTS += tests/test_forms
endif
tests_test_forms_SOURCES = tests/test_forms.c tests/test_util.c
tests_test_forms_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_test_forms_LDADD = libforms.a libchecklist.a $(CURSES_LIBS) \
	$(XML_LIBS) $(CMOCKA_LIBS)
