# tests/i18n.mk: the six languages (issue 14). Every other test runs in
# English whatever the caller's LANGUAGE says; these set it themselves.
AM_TESTS_ENVIRONMENT += unset LANGUAGE SACL_LOCALEDIR;
if WITH_TESTS
check_PROGRAMS += tests/test_i18n
TESTS += tests/test_i18n tests/i18n_po.sh tests/e2e_i18n.sh
endif
tests_test_i18n_SOURCES = tests/test_i18n.c tests/test_util.c
tests_test_i18n_CFLAGS = $(TEST_CFLAGS)
tests_test_i18n_LDADD = $(TEST_MODEL_LIBS)
EXTRA_DIST += tests/i18n_po.sh tests/e2e_i18n.sh tests/fixtures/i18n.xml
