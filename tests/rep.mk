# tests/rep.mk: the secretariat's reports and `sacl render` in the
# language asked (issue 14: --lang, else the environment's).
TESTS += tests/rep_i18n.sh
EXTRA_DIST += tests/rep_i18n.sh
