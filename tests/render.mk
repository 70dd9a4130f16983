# tests/render.mk: printing and showing a response for a workshop (issue
# 13): `sacl render` in each format (tests/cli_render.sh), the
# presentation mode and the overview in tmux (tests/e2e_present.sh).
if WITH_TESTS
TESTS += tests/cli_render.sh tests/e2e_present.sh
endif
EXTRA_DIST += tests/cli_render.sh tests/e2e_present.sh \
	tests/golden/render.txt tests/golden/render.md
