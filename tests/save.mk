# tests/save.mk: see tests/local.mk.
