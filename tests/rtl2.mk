# tests/rtl2.mk: Arabic right-aligned after a head by one helper (cmocka);
# in the page's list entries, the overview, the presentation and the
# help (tmux).
if WITH_TESTS
check_PROGRAMS += tests/test_rtl2
TESTS += tests/test_rtl2 tests/e2e_rtl2.sh
endif
tests_test_rtl2_SOURCES = tests/test_rtl2.c tests/test_util.c
tests_test_rtl2_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_test_rtl2_LDADD = libforms.a libchecklist.a $(CURSES_LIBS) \
	$(XML_LIBS) $(CMOCKA_LIBS)
EXTRA_DIST += tests/e2e_rtl2.sh
