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
# its refusal to start without a usable terminal; the marks of the list,
# the legend and the export list in tmux; its keyboard (keys as terminals
# send them, pastes) in tmux under seven TERMs.
if WITH_TESTS
check_PROGRAMS += tests/test_tui_nav
TESTS += tests/test_tui_nav tests/e2e_fill.sh tests/e2e_edit.sh \
	tests/cli_fill.sh tests/e2e_marks.sh tests/e2e_keys.sh tests/e2e_nav_update.sh
endif
tests_test_tui_nav_SOURCES = tests/test_tui_nav.c tests/test_util.c
tests_test_tui_nav_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_test_tui_nav_LDADD = libtui.a libforms.a libchecklist.a $(XML_LIBS) \
	$(CMOCKA_LIBS)
EXTRA_DIST += tests/e2e_fill.sh tests/e2e_edit.sh tests/cli_fill.sh \
	tests/lib_tmux.sh tests/e2e_marks.sh tests/e2e_keys.sh tests/e2e_nav_update.sh

# make bench: speed targets as ratios measured in one run (never timed
# assertions in make check).
EXTRA_PROGRAMS = tests/bench_page
tests_bench_page_SOURCES = tests/bench_page.c tests/test_util.c
tests_bench_page_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_bench_page_LDADD = libforms.a libchecklist.a $(CURSES_LIBS) \
	$(XML_LIBS) $(CMOCKA_LIBS)
CLEANFILES += $(EXTRA_PROGRAMS)
bench: tests/bench_page$(EXEEXT)
	TOP_SRCDIR='$(abs_top_srcdir)' FIXTURES='$(abs_top_srcdir)/tests/fixtures' \
	    ./tests/bench_page$(EXEEXT)
.PHONY: bench

# Rules between answers and shorthand rules as `sacl fill` shows them
# (tmux; issue 9).
if WITH_TESTS
TESTS += tests/e2e_rules.sh
endif
EXTRA_DIST += tests/e2e_rules.sh

# `sacl fill` under LC_ALL=C, POSIX and no locale: text edited and typed
# stays byte-exact; a new response is said on screen (tmux; issue 8).
if WITH_TESTS
TESTS += tests/e2e_locale.sh
endif
EXTRA_DIST += tests/e2e_locale.sh

# Any checklist (issue 9): templates that vary by the provision's level
# and the definition's digest (cmocka); a second checklist, unlike
# chapter II, end to end: validate, info, set, fill in tmux, export,
# verify with and without its definition, and after it moves.
if WITH_TESTS
check_PROGRAMS += tests/test_template
TESTS += tests/test_template tests/e2e_second.sh
endif
tests_test_template_SOURCES = tests/test_template.c tests/test_util.c
tests_test_template_CFLAGS = $(TEST_CFLAGS)
tests_test_template_LDADD = $(TEST_MODEL_LIBS)
EXTRA_DIST += tests/e2e_second.sh

# make bench: loading and one answer at 300 to 10,000 questions (50,000
# with BENCH_BIG=1) against xmllint on the same definition
# (tests/bench/bench_load.sh, definitions by tests/bench/gen_checklist.sh).
EXTRA_DIST += tests/bench/bench_load.sh tests/bench/gen_checklist.sh
bench: bench-load
bench-load: sacl$(EXEEXT)
	SACL='$(abs_top_builddir)/sacl' SACL_DATADIR='$(abs_top_srcdir)/data' \
	    TOP_SRCDIR='$(abs_top_srcdir)' XMLLINT='$(XMLLINT)' \
	    $(SHELL) $(srcdir)/tests/bench/bench_load.sh
.PHONY: bench-load

# `sacl browse` (issue 10): the stored submissions listed, one opened
# read-only in the screens of `sacl fill` (tmux).
if WITH_TESTS
TESTS += tests/e2e_browse.sh
endif
EXTRA_DIST += tests/e2e_browse.sh
