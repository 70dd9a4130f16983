# tests/: the model's cmocka tests, and what every test fragment shares.
# Test fragments: tests/save.mk (saving, locks, set/get), tests/export.mk
# (packages), tests/tui.mk (forms, navigation, tmux end-to-end runs).

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	SACL='$(abs_top_builddir)/sacl'; export SACL; \
	SACL_DATADIR='$(abs_top_srcdir)/data'; export SACL_DATADIR; \
	TOP_SRCDIR='$(abs_top_srcdir)'; export TOP_SRCDIR; \
	TOP_BUILDDIR='$(abs_top_builddir)'; export TOP_BUILDDIR; \
	FIXTURES='$(abs_top_srcdir)/tests/fixtures'; export FIXTURES; \
	TMUX_BIN='$(TMUX)'; export TMUX_BIN; \
	XMLLINT='$(XMLLINT)'; export XMLLINT;

TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
TEST_MODEL_LIBS = libchecklist.a $(XML_LIBS) $(CMOCKA_LIBS)

if WITH_TESTS
check_PROGRAMS += \
	tests/test_load \
	tests/test_validate \
	tests/test_model \
	tests/test_value \
	tests/test_response \
	tests/test_rules
TESTS += \
	tests/test_load \
	tests/test_validate \
	tests/test_model \
	tests/test_value \
	tests/test_response \
	tests/test_rules \
	tests/cli_validate.sh \
	tests/cli_rules.sh
endif

noinst_HEADERS += tests/test_util.h

tests_test_load_SOURCES = tests/test_load.c tests/test_util.c
tests_test_load_CFLAGS = $(TEST_CFLAGS)
tests_test_load_LDADD = $(TEST_MODEL_LIBS)
tests_test_validate_SOURCES = tests/test_validate.c tests/test_util.c
tests_test_validate_CFLAGS = $(TEST_CFLAGS)
tests_test_validate_LDADD = $(TEST_MODEL_LIBS) -lm
tests_test_model_SOURCES = tests/test_model.c tests/test_util.c
tests_test_model_CFLAGS = $(TEST_CFLAGS)
tests_test_model_LDADD = $(TEST_MODEL_LIBS)
tests_test_value_SOURCES = tests/test_value.c tests/test_util.c
tests_test_value_CFLAGS = $(TEST_CFLAGS)
tests_test_value_LDADD = $(TEST_MODEL_LIBS)
tests_test_response_SOURCES = tests/test_response.c tests/test_util.c
tests_test_response_CFLAGS = $(TEST_CFLAGS)
tests_test_response_LDADD = $(TEST_MODEL_LIBS)
tests_test_rules_SOURCES = tests/test_rules.c tests/test_util.c
tests_test_rules_CFLAGS = $(TEST_CFLAGS)
tests_test_rules_LDADD = $(TEST_MODEL_LIBS)

EXTRA_DIST += tests/cli_validate.sh tests/cli_rules.sh tests/lib.sh tests/lib_checks.sh tests/fixtures
