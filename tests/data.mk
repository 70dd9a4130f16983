# tests/data.mk: the bundled checklist's contents (issue 14: six
# languages); see tests/local.mk.
if WITH_TESTS
TESTS += tests/cli_languages.sh
endif

EXTRA_DIST += tests/cli_languages.sh
