# tests/i18n.mk: the six languages (issue 14).
