# A template's conditions resolved once per shape of provision, not
# once per copy (checklist/checklist_names_copy.c): the reads and the
# dependency index equal to those of the full resolution, errors naming
# the same copies, one full resolution per expression
# (tests/test_names_tpl.c).
check_PROGRAMS += tests/test_names_tpl
TESTS += tests/test_names_tpl
tests_test_names_tpl_SOURCES = tests/test_names_tpl.c tests/test_util.c
tests_test_names_tpl_CFLAGS = $(TEST_CFLAGS)
tests_test_names_tpl_LDADD = $(TEST_MODEL_LIBS)
