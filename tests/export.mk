# tests/export.mk: the submission package (issue 5); see tests/local.mk.
if WITH_TESTS
check_PROGRAMS += tests/test_export
TESTS += \
	tests/test_export \
	tests/cli_export.sh
endif

tests_test_export_SOURCES = tests/test_export.c
tests_test_export_CFLAGS = $(TEST_CFLAGS) $(ZLIB_CFLAGS)
tests_test_export_LDADD = libexport.a libchecklist.a $(XML_LIBS) \
	$(ZLIB_LIBS) $(CMOCKA_LIBS)

EXTRA_DIST += tests/cli_export.sh tests/golden/export-mini.xml
