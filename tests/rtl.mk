# tests/rtl.mk: Arabic laid out right to left (issue 14): what makes a
# text right to left and the caret's column in one being edited (cmocka);
# the navigator, the rows of options, the chooser and a text being edited
# right-aligned, and a pasted Arabic text kept byte for byte (tmux).
if WITH_TESTS
check_PROGRAMS += tests/test_rtl
TESTS += tests/test_rtl tests/e2e_rtl.sh
endif
tests_test_rtl_SOURCES = tests/test_rtl.c tests/test_util.c
tests_test_rtl_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_test_rtl_LDADD = libforms.a libchecklist.a $(CURSES_LIBS) \
	$(XML_LIBS) $(CMOCKA_LIBS)
EXTRA_DIST += tests/e2e_rtl.sh
