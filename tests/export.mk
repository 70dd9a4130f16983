# tests/export.mk: see tests/local.mk.
