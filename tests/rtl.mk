# tests/rtl.mk: Arabic laid out right to left (issue 14): the navigator,
# the rows of options and a text being edited right-aligned, in tmux.
TESTS += tests/e2e_rtl.sh
EXTRA_DIST += tests/e2e_rtl.sh
