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

# tui/: what `sacl fill` decides without a screen (order, filters, the next
# required question, search, width, the key table and the man page), the
# whole program in tmux at 80x24 and 132x43 (skipped without tmux), and
# its refusal to start without a usable terminal, and its keyboard (keys
# as terminals send them, pastes) in tmux under seven TERMs.
if WITH_TESTS
check_PROGRAMS += tests/test_tui_nav
TESTS += tests/test_tui_nav tests/e2e_fill.sh tests/cli_fill.sh \
	tests/e2e_keys.sh
endif
tests_test_tui_nav_SOURCES = tests/test_tui_nav.c tests/test_util.c
tests_test_tui_nav_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_test_tui_nav_LDADD = libtui.a libchecklist.a $(XML_LIBS) \
	$(CMOCKA_LIBS)
EXTRA_DIST += tests/e2e_fill.sh tests/cli_fill.sh tests/e2e_keys.sh
