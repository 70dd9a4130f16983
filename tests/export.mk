# tests/export.mk: the submission package (issue 5) and the files it
# carries, taken in when given (issue 8); see tests/local.mk.
if WITH_TESTS
check_PROGRAMS += tests/test_export tests/test_attach
TESTS += \
	tests/test_export \
	tests/test_attach \
	tests/cli_export.sh \
	tests/cli_attach.sh \
	tests/cli_import.sh \
	tests/cli_report.sh \
	tests/torture_import.sh
endif

tests_test_export_SOURCES = tests/test_export.c tests/test_util.c
tests_test_export_CFLAGS = $(TEST_CFLAGS) $(ZLIB_CFLAGS)
tests_test_export_LDADD = libexport.a libchecklist.a $(XML_LIBS) \
	$(ZLIB_LIBS) $(CMOCKA_LIBS)

tests_test_attach_SOURCES = tests/test_attach.c tests/test_util.c
tests_test_attach_CFLAGS = $(TEST_CFLAGS)
tests_test_attach_LDADD = $(TEST_MODEL_LIBS)

EXTRA_DIST += tests/cli_export.sh tests/cli_attach.sh \
	tests/cli_import.sh tests/cli_report.sh tests/torture_import.sh \
	tests/bench_import.sh tests/bench_report.sh \
	tests/golden/export-mini.xml

# make bench: importing packages against `zcat | xmllint --schema` on each
# (tests/bench_import.sh), as a ratio measured in one run.
bench: bench-import bench-report
bench-import: sacl$(EXEEXT)
	SACL='$(abs_top_builddir)/sacl' SACL_DATADIR='$(abs_top_srcdir)/data' \
	    TOP_SRCDIR='$(abs_top_srcdir)' XMLLINT='$(XMLLINT)' \
	    $(SHELL) $(srcdir)/tests/bench_import.sh
.PHONY: bench-import
# make bench: each report (text, CSV, HTML) on 2,000 stored submissions,
# timed; fails when one takes a second or more (tests/bench_report.sh).
bench-report: sacl$(EXEEXT)
	SACL='$(abs_top_builddir)/sacl' SACL_DATADIR='$(abs_top_srcdir)/data' \
	    TOP_SRCDIR='$(abs_top_srcdir)' \
	    $(SHELL) $(srcdir)/tests/bench_report.sh
.PHONY: bench-report
