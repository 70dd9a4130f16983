# tests/i18n.mk: the six languages (issue 14). Every other test runs in
# English whatever the caller's LANGUAGE says; these set it themselves.
AM_TESTS_ENVIRONMENT += unset LANGUAGE SACL_LOCALEDIR;
if WITH_TESTS
TESTS += tests/i18n_po.sh tests/e2e_i18n.sh
endif
EXTRA_DIST += tests/i18n_po.sh tests/e2e_i18n.sh tests/fixtures/i18n.xml
