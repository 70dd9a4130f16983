# tests/i18n.mk: the six languages (issue 14). Every other test runs in
# English whatever the caller's LANGUAGE says; these set it themselves.
AM_TESTS_ENVIRONMENT += unset LANGUAGE SACL_LOCALEDIR;
