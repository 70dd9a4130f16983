# tests/rtl2.mk: Arabic right-aligned in the page's list entries, the
# overview and the presentation (tmux).
if WITH_TESTS
TESTS += tests/e2e_rtl2.sh
endif
EXTRA_DIST += tests/e2e_rtl2.sh
